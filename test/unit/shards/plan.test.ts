import { describe, expect, it } from 'vitest';
import { planRanges, shardCount } from '../../../functions/analyze/shards/plan';

describe('shard plan', () => {
  it('does not split with one worker or when the object fits one shard', () => {
    expect(shardCount(10_000, 1, 100)).toBe(1);
    expect(shardCount(100, 4, 100)).toBe(1);
  });

  it('gives every worker a shard and keeps shards within the shard size', () => {
    expect(shardCount(101, 4, 100)).toBe(4);
    expect(shardCount(1000, 2, 100)).toBe(10);
    expect(shardCount(1001, 2, 100)).toBe(11);
  });

  it('covers [0, size) with contiguous ranges of near-equal length', () => {
    for (const [size, count] of [
      [10, 3],
      [1_000_003, 7],
      [5, 5],
    ] as const) {
      const ranges = planRanges(size, count);
      expect(ranges).toHaveLength(count);
      expect(ranges[0]?.start).toBe(0);
      expect(ranges.at(-1)?.end).toBe(size);
      ranges.forEach((r, i) => {
        if (i > 0) expect(r.start).toBe(ranges[i - 1]?.end);
        expect(r.end - r.start).toBeGreaterThanOrEqual(Math.floor(size / count));
        expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(size / count));
      });
    }
  });
});
