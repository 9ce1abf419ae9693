import { createHash, type Hash } from 'node:crypto';
import { AnalysisInputError, foldSource, serializePartial } from '../../core/analysis';
import type { BlobStore } from '../../store/blob-store';
import { foldZipItem } from './fold-zip';
import { type FoldOutput, type ManifestItem, runPin } from './types';

/** What a fold needs: only the object store (no table access). */
export interface FoldDeps {
  blobs: Pick<BlobStore, 'streamRange' | 'put'>;
}

/** Prepended to ranges after the first: the decoder drops this one, so a U+FEFF in the text stays. */
export const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

async function* hashed(
  source: AsyncIterable<Uint8Array>,
  hash: Hash,
  counted: { bytes: number },
  continues: boolean,
): AsyncGenerator<Uint8Array> {
  if (continues) yield BOM;
  for await (const chunk of source) {
    hash.update(chunk);
    counted.bytes += chunk.length;
    yield chunk;
  }
}

/** A range's bytes with the BOM continuing ranges get, so they decode as the one pass does. */
export async function rangeSource(
  blobs: Pick<BlobStore, 'streamRange'>,
  item: Pick<ManifestItem, 'run' | 'start' | 'end'>,
): Promise<AsyncIterable<Uint8Array>> {
  const { run } = item;
  const stream = await blobs.streamRange(
    run.bucket,
    run.key,
    item.start,
    item.end - 1,
    runPin(run),
  );
  if (item.start === 0) return stream;
  return (async function* () {
    yield BOM;
    yield* stream;
  })();
}

/**
 * The fold step: reads one manifest item's byte range (a ranged GetObject), folds it with the
 * whole file's format and mapping, hashes it, and writes its binary partial under a key derived
 * from sample, ETag and index, so a retried or duplicated item rewrites the same bytes. Returns
 * the key, the range's SHA-256 and its record count; an input the analyzer rejects returns its
 * message instead, for the merge to report.
 */
export function createFoldHandler(deps: FoldDeps) {
  return async (item: ManifestItem): Promise<FoldOutput> => {
    if (item.zip) return foldZipItem(deps, { ...item, zip: item.zip });
    const hash = createHash('sha256');
    const read = { bytes: 0 };
    const continues = item.start > 0;
    const { run, settings } = item;
    const stream = await deps.blobs.streamRange(
      run.bucket,
      run.key,
      item.start,
      item.end - 1,
      runPin(run),
    );
    let partial: Awaited<ReturnType<typeof foldSource>>;
    try {
      partial = await foldSource(hashed(stream, hash, read, continues), {
        fileName: settings.fileName,
        format: settings.format,
        fields: settings.fields,
        input: settings.input,
        ...(settings.spotCheck ? { spotCheck: settings.spotCheck } : {}),
        ...(settings.styleRate !== undefined ? { styleRate: settings.styleRate } : {}),
        // the whole file's detected mapping: a range's first records may lack an optional field
        checkMapping: false,
        sampleBits: item.sampleBits,
      });
    } catch (error) {
      if (!(error instanceof AnalysisInputError)) throw error;
      return {
        index: item.index,
        partialKey: item.partialKey,
        sha256: '',
        records: 0,
        error: `Part ${item.index + 1} of "${settings.fileName ?? 'the file'}" (bytes ${item.start}–${item.end - 1}; line numbers count from that part's start) could not be analyzed: ${error.message}`,
      };
    }
    if (read.bytes !== item.end - item.start)
      throw new Error(
        `read ${read.bytes} bytes of range ${item.index}, expected ${item.end - item.start}`,
      );
    if (continues) partial.bytes -= BOM.length;
    await deps.blobs.put(run.bucket, item.partialKey, serializePartial(partial), {
      contentType: 'application/vnd.diligence.partial',
    });
    return {
      index: item.index,
      partialKey: item.partialKey,
      sha256: hash.digest('hex'),
      records: partial.records,
    };
  };
}
