import type { RouteHandler } from '@hono/zod-openapi';
import {
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  ValidationError,
} from '../../../lib/errors';
import { packUploadKey, type StoredPack } from '../../../store/fingerprint-packs';
import type { AppEnv } from '../../env';
import { builtinPacks } from '../../services/builtin-packs';
import {
  libraryEvent,
  loadPack,
  maxPacksPerOrganization,
  toBuiltinView,
  toPackView,
} from '../../services/fingerprints';
import { currentPolicy } from '../../services/reports';
import { SINGLE_PUT_MAX_BYTES } from '../references/handlers';
import { absoluteUrl, uploadTtlSeconds } from '../vendor/sample-handlers';
import type { createPack, deletePack, getPack, listPacks } from './routes';

const packFile = /\.(json|pack)$/i;
const corpusFile = /\.(jsonl|ndjson|txt)$/i;

/** Built-ins first, then the organization's library. */
export const listPacksHandler: RouteHandler<typeof listPacks, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const [builtins, library] = await Promise.all([
    builtinPacks().catch(() => []),
    deps.repos.fingerprints.list(staff.organizationId),
  ]);
  return c.json({ items: [...builtins.map(toBuiltinView), ...library.map(toPackView)] }, 200);
};

/** Checks what a body cannot say in its schema alone: file name per source, keyed per source. */
function checkBody(body: { source: 'pack' | 'corpus'; fileName: string; keyed?: boolean }) {
  const problems: { path: string; message: string }[] = [];
  if (body.source === 'pack' && !packFile.test(body.fileName))
    problems.push({
      path: 'fileName',
      message: 'A built pack is a .json (or .pack) file written by `diligence fingerprint build`.',
    });
  if (body.source === 'corpus' && !corpusFile.test(body.fileName))
    problems.push({
      path: 'fileName',
      message:
        'A corpus is JSON Lines (.jsonl, .ndjson: one record per line) or plain text (.txt: one record per line).',
    });
  if (body.source === 'pack' && body.keyed)
    problems.push({
      path: 'keyed',
      message:
        'Keyed packs are built in the portal from a corpus (the organization\'s key never leaves it): use source "corpus".',
    });
  if (problems.length > 0)
    throw new ValidationError('The pack registration is not valid.', problems);
}

/** Registers a pack (or corpus) and returns a presigned PUT bound to its length and type. */
export const createPackHandler: RouteHandler<typeof createPack, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const body = c.req.valid('json');
  checkBody(body);
  const org = staff.organizationId;
  const limit = Math.min(deps.config.MAX_SAMPLE_BYTES, SINGLE_PUT_MAX_BYTES);
  if (body.sizeBytes > limit)
    throw new PayloadTooLargeError(
      `The file is ${body.sizeBytes} bytes; the limit is ${limit} bytes. Build the pack offline with \`diligence fingerprint build\` and upload the pack instead.`,
    );
  const existing = await deps.repos.fingerprints.list(org);
  if (!(await deps.repos.fingerprints.reserveSlot(org, existing.length, maxPacksPerOrganization)))
    throw new ConflictError(
      `The library holds at most ${maxPacksPerOrganization} fingerprint packs; delete one you no longer use.`,
    );
  const now = deps.clock();
  const packId = deps.newId(now);
  const key = packUploadKey(org, packId);
  const pack: StoredPack = {
    packId,
    organizationId: org,
    name: body.name,
    kind: body.kind,
    source: body.source,
    keyed: body.source === 'corpus' && (body.keyed ?? body.kind !== 'synthetic'),
    fileName: body.fileName,
    contentType: body.contentType,
    sizeBytes: body.sizeBytes,
    textField: body.fields?.text ?? null,
    uploadKey: key,
    packKey: null,
    status: 'awaiting_upload',
    error: null,
    records: null,
    createdBy: staff.email,
    attachedTo: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  try {
    await deps.repos.fingerprints.create(pack);
  } catch (error) {
    await deps.repos.fingerprints.releaseSlot(org);
    throw error;
  }
  await deps.repos.events.append(
    libraryEvent(
      deps,
      org,
      staff,
      'fingerprint_created',
      {
        packId,
        name: pack.name,
        kind: pack.kind,
        source: pack.source,
        keyed: pack.keyed,
      },
      now,
    ),
  );
  const target = await deps.presigner({
    bucket: deps.config.SAMPLES_BUCKET,
    key,
    contentType: body.contentType,
    contentLength: body.sizeBytes,
    metadata: { 'original-name': encodeURIComponent(body.fileName), role: 'fingerprint' },
    expiresInSeconds: uploadTtlSeconds,
    now,
  });
  return c.json(
    {
      packId,
      // absolute, as the vendor's upload URLs: a CLI or the engine's relative path both work
      uploadUrl: absoluteUrl(target.url, deps.config.PUBLIC_BASE_URL ?? c.req.url),
      uploadHeaders: target.headers,
      expiresAt: target.expiresAt,
    },
    201,
  );
};

/** One pack: a built-in or one of the organization's. */
export const getPackHandler: RouteHandler<typeof getPack, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { packId } = c.req.valid('param');
  if (packId.startsWith('builtin-')) {
    const b = (await builtinPacks().catch(() => [])).find((x) => x.id === packId);
    if (!b) throw new NotFoundError(`No built-in fingerprint pack ${packId}.`);
    return c.json(toBuiltinView(b), 200);
  }
  return c.json(toPackView(await loadPack(deps, staff.organizationId, packId)), 200);
};

/** Removes a pack no assessment and no policy uses; its stored hashes go with it. */
export const deletePackHandler: RouteHandler<typeof deletePack, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { packId } = c.req.valid('param');
  if (packId.startsWith('builtin-'))
    throw new ConflictError(
      'Built-in packs ship with the portal and cannot be deleted; remove the pack from the policy (fingerprintPacks) to stop using it.',
    );
  const p = await loadPack(deps, staff.organizationId, packId);
  if (p.attachedTo.length > 0)
    throw new ConflictError(
      `"${p.name}" is attached to ${p.attachedTo.length === 1 ? 'an assessment' : `${p.attachedTo.length} assessments`} (${p.attachedTo.map((x) => x.assessmentId).join(', ')}); detach it there first.`,
    );
  const policy = await currentPolicy(deps, p.organizationId);
  if (policy.fingerprintPacks.includes(p.packId))
    throw new ConflictError(
      `"${p.name}" is applied to every assessment by the policy; remove it from fingerprintPacks first.`,
    );
  await deps.repos.fingerprints.remove(p.organizationId, p.packId, p.version);
  await deps.repos.fingerprints.releaseSlot(p.organizationId);
  if (p.packKey) await deps.blobs.delete(deps.config.SAMPLES_BUCKET, p.packKey);
  await deps.repos.events.append(
    libraryEvent(
      deps,
      p.organizationId,
      staff,
      'fingerprint_deleted',
      { packId, name: p.name },
      deps.clock(),
    ),
  );
  return c.body(null, 204);
};
