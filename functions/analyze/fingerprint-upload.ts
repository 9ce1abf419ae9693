import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { AppDeps } from '../api/env';
import { libraryEvent, readBytes } from '../api/services/fingerprints';
import type { PackKind } from '../core/analysis/fingerprints';
import { ConflictError, StaleWriteError } from '../lib/errors';
import { packObjectKey, parsePackUploadKey, type StoredPack } from '../store/fingerprint-packs';
import type { VersionPurger } from '../store/object-versions';
import type { AnalyzeDeps, ObjectCreated } from './handler';
import type { Upload } from './uploads';

/** What building or validating an uploaded pack needs: the analyzer's deps and a version purger. */
export type PackUploadDeps = Pick<
  AnalyzeDeps,
  'config' | 'logger' | 'clock' | 'repos' | 'blobs' | 'onAnalyzed'
> & {
  newId?: AppDeps['newId'];
  /** Deletes every version of the upload (the corpus text must not survive in old versions). */
  versions?: VersionPurger;
};

/** True for an upload key of a fingerprint pack (`samples/<org>/fingerprints/<packId>`). */
export const isPackUpload = (key: string): boolean => parsePackUploadKey(key) !== undefined;

/**
 * The texts of a corpus, one record at a time (streamed, never whole in memory): JSON Lines take
 * `field` of each object (a bare JSON string is the text itself); any other file gives one
 * record per non-empty line.
 */
export async function* corpusRecords(
  source: AsyncIterable<Uint8Array>,
  fileName: string,
  field: string,
): AsyncGenerator<string> {
  const jsonLines = /\.(jsonl|ndjson)$/i.test(fileName);
  const lines = createInterface({
    input: Readable.from(source),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    const t = line.trim();
    if (!t) continue;
    if (!jsonLines) {
      yield t;
      continue;
    }
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      continue;
    }
    const text = typeof v === 'string' ? v : (v as Record<string, unknown> | null)?.[field];
    if (typeof text === 'string' && text.trim()) yield text;
  }
}

/** Asks for re-scores of the assessments the pack is attached to (as an analyzed reference would). */
function rescoreSource(p: StoredPack): Upload {
  return {
    role: 'reference',
    organizationId: p.organizationId,
    attachedTo: p.attachedTo,
  } as unknown as Upload;
}

/**
 * Reads an uploaded pack or corpus once: validates the pack (parsePack) or builds one from the
 * corpus (keyed with the organization's HMAC key when asked), stores the pack under
 * fingerprints/, then deletes the upload — every version — whatever the outcome.
 */
export async function processPackUpload(
  deps: PackUploadDeps,
  object: ObjectCreated,
): Promise<void> {
  const ids = parsePackUploadKey(object.key);
  if (!ids || object.bucket !== deps.config.SAMPLES_BUCKET) return;
  const purge = async () => {
    let n = 1;
    if (deps.versions) n = await deps.versions.deleteEveryVersion(object.bucket, object.key);
    else await deps.blobs.delete(object.bucket, object.key);
    deps.logger.info('fingerprint upload deleted', { key: object.key, versions: n });
  };
  const stored = await deps.repos.fingerprints.get(ids.organizationId, ids.packId);
  if (stored?.status !== 'awaiting_upload') {
    // a deleted pack, or a duplicate event: the bytes have no use here
    if (stored?.status !== 'building') await purge();
    return;
  }
  const now = deps.clock();
  const claimed: StoredPack = {
    ...stored,
    status: 'building',
    updatedAt: now.toISOString(),
    version: stored.version + 1,
  };
  try {
    await deps.repos.fingerprints.save(claimed);
  } catch (error) {
    if (error instanceof ConflictError || error instanceof StaleWriteError) return;
    throw error;
  }
  let result: Partial<StoredPack>;
  try {
    result = await buildFromUpload(deps, object, claimed);
  } catch (error) {
    result = { status: 'failed', error: failureMessage(error) };
    deps.logger.warn('fingerprint pack refused', { key: object.key, reason: result.error });
  } finally {
    await purge();
  }
  const done: StoredPack = {
    ...claimed,
    ...result,
    updatedAt: deps.clock().toISOString(),
    version: claimed.version + 1,
  };
  await deps.repos.fingerprints.save(done);
  if (deps.newId) {
    const type =
      done.status === 'ready'
        ? done.source === 'corpus'
          ? 'fingerprint_built'
          : 'fingerprint_validated'
        : 'fingerprint_failed';
    await deps.repos.events.append(
      libraryEvent(
        { newId: deps.newId },
        done.organizationId,
        { kind: 'system', name: 'analyzer' },
        type,
        { packId: done.packId, name: done.name, records: done.records, error: done.error },
        deps.clock(),
      ),
    );
  }
  if (done.status === 'ready' && done.attachedTo.length > 0)
    await deps.onAnalyzed?.(rescoreSource(done));
}

function failureMessage(error: unknown): string {
  const name = (error as Error)?.constructor?.name;
  if (name === 'PackFormatError' || error instanceof PackRefusal) return (error as Error).message;
  return 'The pack could not be read or built because of an internal error. Upload it again; if this repeats, contact support.';
}

/** A refusal with a message for the person who uploaded the file. */
class PackRefusal extends Error {}

async function buildFromUpload(
  deps: PackUploadDeps,
  object: ObjectCreated,
  p: StoredPack,
): Promise<Partial<StoredPack>> {
  const head = await deps.blobs.head(object.bucket, object.key);
  if (!head) throw new PackRefusal('The uploaded file is gone; upload it again.');
  if (head.size !== p.sizeBytes)
    throw new PackRefusal(
      `The uploaded file has ${head.size} bytes but ${p.sizeBytes} were declared. Register it again with its exact size.`,
    );
  const core = await import('../core/analysis/fingerprints');
  let pack: Awaited<ReturnType<typeof core.buildPack>>;
  if (p.source === 'pack') {
    pack = core.parsePack(await readBytes(deps.blobs, object.bucket, object.key));
    if (pack.kind !== p.kind)
      throw new PackRefusal(
        `The pack is of kind "${pack.kind}" but was registered as "${p.kind}"; register it again with kind "${pack.kind}".`,
      );
    if (pack.keyed)
      throw new PackRefusal(
        "A keyed pack can only be built in the portal (the organization's key never leaves it): upload the corpus instead, with keyed: true.",
      );
  } else {
    const key = p.keyed ? await deps.repos.fingerprints.hmacKey(p.organizationId) : undefined;
    const records = corpusRecords(
      await deps.blobs.stream(object.bucket, object.key),
      p.fileName,
      p.textField ?? 'text',
    );
    pack = await core.buildPack(records, {
      name: p.name,
      kind: p.kind as PackKind,
      ...(key ? { key } : {}),
    });
    if (pack.records === 0)
      throw new PackRefusal(
        `No record with text was found in ${p.fileName}${/\.(jsonl|ndjson)$/i.test(p.fileName) ? ` (field "${p.textField ?? 'text'}")` : ''}; check the file and the text field.`,
      );
  }
  const key = packObjectKey(p.organizationId, p.packId);
  await deps.blobs.put(object.bucket, key, core.serializePack(pack), {
    contentType: 'application/json',
  });
  return { status: 'ready', error: null, records: pack.records, packKey: key };
}
