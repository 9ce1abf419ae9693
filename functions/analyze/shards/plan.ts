/** A byte range [start, end) of an object, before it is aligned to line boundaries. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Shard size when none is configured (`ANALYSIS_SHARD_BYTES`). */
export const DEFAULT_SHARD_BYTES = 64 * 1024 ** 2;

/**
 * How many shards an object of `size` bytes is split into: 1 (no fan-out) with one worker or when
 * the object fits one shard; otherwise at least one per worker and none larger than `shardBytes`.
 */
export function shardCount(size: number, workers: number, shardBytes: number): number {
  if (workers <= 1 || size <= shardBytes) return 1;
  return Math.max(workers, Math.ceil(size / shardBytes));
}

/** Splits [0, size) into `count` contiguous ranges of near-equal length, in file order. */
export function planRanges(size: number, count: number): ByteRange[] {
  const ranges: ByteRange[] = [];
  for (let i = 0; i < count; i++) {
    ranges.push({
      start: Math.floor((size * i) / count),
      end: Math.floor((size * (i + 1)) / count),
    });
  }
  return ranges;
}
