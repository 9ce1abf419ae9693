import { createHash } from 'node:crypto';
import { AnalysisInputError, type AnalysisPartial, serializePartial } from '../../core/analysis';
import { foldZipShard, type ZipShard } from '../../core/analysis/images/zip-shards';
import type { FoldDeps } from './fold';
import { type FoldOutput, type ManifestItem, runPin } from './types';

async function digest(
  source: AsyncIterable<Uint8Array>,
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * The fold of one zip shard: hashes the item's byte range (one sequential ranged read, for the
 * tree hash) while folding the shard's entries, each read by range requests with the caps
 * continuing from the plan's counts; writes the image partial under the item's key. An input the
 * analyzer rejects (a cap, a broken entry) returns its message for the merge to report.
 */
export async function foldZipItem(
  deps: FoldDeps,
  item: ManifestItem & { zip: ZipShard },
): Promise<FoldOutput> {
  const { run, settings, zip } = item;
  const read = (start: number, end: number) =>
    deps.blobs.streamRange(run.bucket, run.key, start, end, runPin(run));
  const hashed = read(item.start, item.end - 1).then(digest);
  let partial: AnalysisPartial;
  try {
    partial = await foldZipShard(read, run.size, zip, item.end - item.start, {
      fileName: settings.fileName,
      input: settings.input,
    });
  } catch (error) {
    await hashed.catch(() => undefined);
    if (!(error instanceof AnalysisInputError)) throw error;
    return {
      index: item.index,
      partialKey: item.partialKey,
      sha256: '',
      records: 0,
      error: `Part ${item.index + 1} of "${settings.fileName ?? 'the archive'}" (files ${zip.first + 1}–${zip.end} of the zip) could not be analyzed: ${error.message}`,
    };
  }
  const { sha256, bytes } = await hashed;
  if (bytes !== item.end - item.start)
    throw new Error(
      `read ${bytes} bytes of range ${item.index}, expected ${item.end - item.start}`,
    );
  await deps.blobs.put(run.bucket, item.partialKey, serializePartial(partial), {
    contentType: 'application/vnd.diligence.partial',
  });
  return { index: item.index, partialKey: item.partialKey, sha256, records: partial.records };
}
