import { AnalysisInputError } from '../../core/analysis';
import type { ArchiveKind } from '../../core/analysis/images/archive';
import { archiveKindOf } from '../../core/analysis/images/dispatch';
import { formatBytes } from '../../core/analysis/images/limits';
import { planZipShards } from '../../core/analysis/images/zip-shards';
import { lineAlignedRanges, newlineFinder } from '../../core/tree-hash';
import type { Config } from '../../lib/config';
import { inputLimitsOf } from '../engine';
import { DistributedInputError, gigabytes } from './errors';
import type { PlanDeps } from './plan';
import {
  type ManifestItem,
  mergeGroups,
  type PlanOutput,
  type RunInput,
  runKeys,
  runPin,
} from './types';

/** Smallest byte range the entry count asks for, however densely a zip packs its entries. */
const MIN_RANGE_BYTES = 1024 ** 2;

/** Ranges a split zip has at least (unless they would fall under MIN_RANGE_BYTES). */
const MIN_RANGES = 8;

/**
 * Bytes per range of a zip of `size` bytes listing `entries` entries: at most the image byte
 * threshold; small enough that a range holds about the image entry threshold's entries on average
 * (small pictures cost per image); and at least 8 ranges, so a zip handed over after its one pass
 * ran out of time folds in parts well inside the fold's time. Recorded in the tree hash's method,
 * so the CLI recomputes the hash with `--range-bytes`.
 */
export function imageRangeBytes(size: number, entries: number, config: Config): number {
  const byEntries = Math.floor(
    (size * config.DISTRIBUTED_IMAGE_THRESHOLD_ENTRIES) / Math.max(1, entries),
  );
  const bySize = Math.ceil(size / MIN_RANGES);
  return Math.min(
    config.DISTRIBUTED_IMAGE_THRESHOLD_BYTES,
    Math.max(MIN_RANGE_BYTES, Math.min(byEntries, bySize)),
  );
}

/** The vendor's message for a tar image archive the analysis cannot split. */
export function tarMessage(
  fileName: string,
  kind: Exclude<ArchiveKind, 'zip'>,
  size: number,
  config: Config,
  handedOver: boolean,
): string {
  const fix =
    'Upload the images as a zip (its central directory lets the analysis split it into parts), or as several smaller archives.';
  return handedOver
    ? `"${fileName}" (a ${kind} archive of ${gigabytes(size)}) could not be analyzed within the time one analysis may take, and a tar archive cannot be split into parts (it has no index of its files). ${fix}`
    : `"${fileName}" is a ${kind} archive of ${gigabytes(size)}. A tar archive cannot be split into parts (it has no index of its files), so tar archives of images above ${formatBytes(config.DISTRIBUTED_IMAGE_THRESHOLD_BYTES)} cannot be analyzed. ${fix}`;
}

/**
 * The plan step for image archives: undefined for anything else (the text plan goes on). A tar
 * or tar.gz is refused with its own message; a zip is split into byte ranges whose entries the
 * central directory names (read by range requests), each a manifest item with its `zip` shard.
 * The one pass's refusals on declared sizes (entries, per-file and total caps, no images) come
 * here, before any entry is read, in the one pass's words.
 */
export async function planImageArchive(
  deps: PlanDeps,
  run: RunInput,
  fileName: string,
  size: number,
  open: (from: number) => Promise<AsyncIterable<Uint8Array>>,
): Promise<PlanOutput | undefined> {
  const { blobs, config } = deps;
  const head: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of await open(0)) {
    head.push(chunk);
    length += chunk.length;
    if (length >= 4096) break;
  }
  const kind = archiveKindOf(fileName, Buffer.concat(head).subarray(0, 4096));
  if (!kind) return undefined;
  if (kind !== 'zip')
    throw new DistributedInputError(
      tarMessage(fileName, kind, size, config, size <= config.DISTRIBUTED_IMAGE_THRESHOLD_BYTES),
    );
  const read = (start: number, end: number) =>
    blobs.streamRange(run.bucket, run.key, start, end, runPin(run));
  const input = inputLimitsOf(config);
  let rangeBytes = config.DISTRIBUTED_IMAGE_THRESHOLD_BYTES;
  let planned: Awaited<ReturnType<typeof planZipShards>>;
  try {
    planned = await planZipShards(
      read,
      size,
      (entries) => {
        rangeBytes = imageRangeBytes(size, entries, config);
        return lineAlignedRanges(size, rangeBytes, newlineFinder(open));
      },
      { fileName, input },
    );
  } catch (error) {
    if (error instanceof AnalysisInputError) throw new DistributedInputError(error.message);
    throw error;
  }
  const keys = runKeys(run);
  // zip items read no text: format and fields are not used, the input limits are
  const settings = { fileName, format: 'text' as const, fields: {}, input };
  const items: ManifestItem[] = planned.ranges.map((r, index) => ({
    run,
    index,
    start: r.start,
    end: r.end,
    sampleBits: 0,
    settings,
    partialKey: keys.partial(index),
    zip: planned.shards[index],
  }));
  await blobs.put(
    config.SAMPLES_BUCKET,
    keys.manifest,
    `${items.map((i) => JSON.stringify(i)).join('\n')}\n`,
    { contentType: 'application/jsonl' },
  );
  deps.logger.info('distributed image analysis planned', {
    key: run.key,
    ranges: items.length,
    rangeBytes,
  });
  return {
    run,
    manifest: { bucket: config.SAMPLES_BUCKET, key: keys.manifest },
    ranges: items.length,
    rangeBytes,
    groups: mergeGroups(items.length, config.DISTRIBUTED_MERGE_GROUP_RANGES),
  };
}
