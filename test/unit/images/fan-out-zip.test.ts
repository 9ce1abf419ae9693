import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { imageRangeBytes } from '../../../functions/analyze/distributed/plan-images';
import { createSampleAnalyzer, type StoredObject } from '../../../functions/analyze/engine';
import { scene, zip } from './fixtures';

function stored(bytes: Buffer): StoredObject & { ranges: number } {
  const object = {
    ranges: 0,
    size: bytes.length,
    open: async () =>
      (async function* () {
        yield bytes;
      })(),
    openRange: async (start: number, end: number) => {
      object.ranges++;
      return (async function* () {
        yield bytes.subarray(start, end + 1);
      })();
    },
  };
  return object;
}

describe('the local fan-out of an image zip', () => {
  it('folds entry ranges in lanes and gives the one-pass analysis, partial and SHA-256', async () => {
    const files: { name: string; data: Buffer }[] = [];
    for (let i = 0; i < 10; i++) {
      const data = await scene(500 + i, 120, 90)
        .png()
        .toBuffer();
      files.push({ name: `p/${i}.png`, data }, { name: `f/${i}.bin`, data: randomBytes(60_000) });
      if (i === 6) files.push({ name: 'copy-of-1.png', data: files[2]?.data as Buffer });
    }
    files.push({ name: 'p/bad.png', data: randomBytes(500) });
    const bytes = zip(files);
    const analyzer = createSampleAnalyzer();
    const options = { fileName: 'set.zip', fields: {}, now: new Date('2025-02-01') };
    const one = await analyzer.analyzeObject(stored(bytes), { ...options, workers: 1 });
    const object = stored(bytes);
    const fanned = await analyzer.analyzeObject(object, {
      ...options,
      workers: 3,
      shardBytes: 100_000,
    });
    expect(one.shards).toBe(1);
    expect(fanned.shards).toBeGreaterThan(3);
    expect(object.ranges).toBeGreaterThan(fanned.shards);
    expect(JSON.stringify(fanned.analysis)).toBe(JSON.stringify(one.analysis));
    expect(Buffer.concat(fanned.partial)).toEqual(Buffer.concat(one.partial));
    expect(fanned.sha256).toBe(one.sha256);
    expect(fanned.analysis.images?.undecodable).toBe(1);
    expect(fanned.analysis.images?.duplicates.clusters.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the local fan-out of a zip bomb', () => {
  it('refuses it with the one-pass message', async () => {
    const zeros = Buffer.alloc(8 * 1024 ** 2);
    const bytes = zip(
      Array.from({ length: 5 }, (_, i) => [
        { name: `big/${i}.png`, data: zeros },
        { name: `f/${i}.bin`, data: randomBytes(50_000) },
      ]).flat(),
    );
    const options = {
      fileName: 'bomb.zip',
      fields: {},
      now: new Date('2025-02-01'),
      input: { maxDecompressedBytes: 20 * 1024 ** 2 },
    };
    const analyzer = createSampleAnalyzer();
    const one = await analyzer
      .analyzeObject(stored(bytes), { ...options, workers: 1 })
      .catch((e: Error) => e.message);
    expect(one).toMatch(/^the archive expands to more than 20 MiB/);
    const fanned = analyzer.analyzeObject(stored(bytes), {
      ...options,
      workers: 2,
      shardBytes: 60_000,
    });
    await expect(fanned).rejects.toThrow(one as string);
  }, 60_000);
});

describe('the range size of a split zip', () => {
  const config = {
    DISTRIBUTED_IMAGE_THRESHOLD_BYTES: 768 * 1024 ** 2,
    DISTRIBUTED_IMAGE_THRESHOLD_ENTRIES: 5_000,
  } as never;

  it('holds about the entry threshold per range, within the byte threshold', () => {
    // 50,000 small pictures in 400 MB: ten ranges of 40 MB
    expect(imageRangeBytes(400e6, 50_000, config)).toBe(40e6);
    // 2,000 photographs in 10 GB: ranges of the byte threshold
    expect(imageRangeBytes(10e9, 2_000, config)).toBe(768 * 1024 ** 2);
    // a zip handed over after its one pass ran out of time: at least 8 ranges
    expect(imageRangeBytes(100e6, 1_000, config)).toBe(12.5e6);
    // densely packed thumbnails: never below 1 MiB
    expect(imageRangeBytes(20e6, 200_000, config)).toBe(1024 ** 2);
  });
});
