import type { AnalysisPartial, InputLimits } from '../../core/analysis';
import { archiveKindOf } from '../../core/analysis/images/dispatch';
import { foldZipShard, planZipShards } from '../../core/analysis/images/zip-shards';
import { InOrderMerge } from './fan-out';
import { planRanges } from './plan';
import type { OpenRange } from './range-reader';

/** What the zip fan-out needs of a stored object. */
export interface ZipSource {
  size: number;
  openRange: OpenRange;
}

/** True when a stored sample is a zip (by name, else by its first 4 KiB). */
export async function isStoredZip(object: ZipSource, fileName?: string): Promise<boolean> {
  if (object.size === 0) return false;
  const head: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of await object.openRange(0, Math.min(object.size, 4096) - 1)) {
    head.push(chunk);
    length += chunk.length;
  }
  return archiveKindOf(fileName, Buffer.concat(head, length)) === 'zip';
}

/**
 * The local fan-out of a zip of images: `shards` byte ranges whose entries the central directory
 * names (read by range requests), folded `lanes` at a time in this process (libvips decodes on its
 * own threads, so lanes overlap their decoding) and merged in order: the one pass's partial, with
 * its caps holding across shards and its refusals (checked on declared sizes by the plan).
 */
export async function fanOutZip(
  object: ZipSource,
  options: {
    fileName?: string;
    input?: Partial<InputLimits>;
    deadline?: number;
    shards: number;
    lanes: number;
  },
): Promise<AnalysisPartial> {
  const { size, openRange } = object;
  const fold = { fileName: options.fileName, input: options.input, deadline: options.deadline };
  const plan = await planZipShards(
    openRange,
    size,
    async () => planRanges(size, options.shards),
    fold,
  );
  const done = new Map<number, AnalysisPartial>();
  const merged = new InOrderMerge();
  let mergedUpTo = 0;
  let next = 0;
  let failed = false;
  const lane = async () => {
    // after a refusal in one lane the others take no further shard
    for (let i = next++; i < plan.shards.length && !failed; i = next++) {
      const range = plan.ranges[i] as { start: number; end: number };
      const shard = plan.shards[i] as (typeof plan.shards)[number];
      const partial = await foldZipShard(
        openRange,
        size,
        shard,
        range.end - range.start,
        fold,
      ).catch((error: unknown) => {
        failed = true;
        throw error;
      });
      done.set(i, partial);
      for (; done.has(mergedUpTo); mergedUpTo++) {
        merged.push(done.get(mergedUpTo) as AnalysisPartial);
        done.delete(mergedUpTo);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.lanes) }, lane));
  return merged.result() as AnalysisPartial;
}
