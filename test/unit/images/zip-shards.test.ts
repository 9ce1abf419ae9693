import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AnalysisPartial,
  finalize,
  foldSource,
  mergePartials,
  serializePartial,
} from '../../../functions/core/analysis';
import type { FoldImagesOptions } from '../../../functions/core/analysis/images/fold';
import {
  type ArchiveRange,
  foldZipShard,
  planZipShards,
  type ZipShard,
} from '../../../functions/core/analysis/images/zip-shards';
import { lineAlignedRanges } from '../../../functions/core/tree-hash';
import { bombPng, scene, source, type ZipFile, zip } from './fixtures';

/** A stored object served by ranges, recording every request. */
function ranged(bytes: Buffer) {
  const asked: [number, number][] = [];
  const read = async (start: number, end: number) => {
    asked.push([start, end]);
    return (async function* () {
      yield bytes.subarray(start, end + 1);
    })();
  };
  return { read, asked };
}

const RANGE = 400_000;
const rangesOf = (bytes: Buffer) => () =>
  lineAlignedRanges(bytes.length, RANGE, async (from) => bytes.indexOf(0x0a, from));

/** Plans, folds every shard and merges in order, as the distributed path does. */
async function split(archive: Buffer, options: FoldImagesOptions = {}) {
  const { read, asked } = ranged(archive);
  const plan = await planZipShards(read, archive.length, rangesOf(archive), options);
  const planRead = asked.reduce((n, [s, e]) => n + e - s + 1, 0);
  const planRequests = asked.length;
  let merged: AnalysisPartial | undefined;
  for (const [i, shard] of plan.shards.entries()) {
    const r = plan.ranges[i] as ArchiveRange;
    const p = await foldZipShard(read, archive.length, shard, r.end - r.start, options);
    merged = merged ? mergePartials(merged, p) : p;
  }
  const foldRequests = asked.length - planRequests;
  return { plan, planRead, foldRequests, merged: merged as AnalysisPartial };
}

/** Index of the shard holding entry `index`. */
const shardOf = (shards: ZipShard[], index: number) =>
  shards.findIndex((s) => index >= s.first && index < s.end);

let files: ZipFile[];
let archive: Buffer;
beforeAll(async () => {
  const pictures = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      scene(100 + i, 200, 150)
        .png()
        .toBuffer(),
    ),
  );
  const copy = pictures[1] as Buffer;
  const resized = await scene(101, 100, 75).png().toBuffer();
  files = [];
  for (const [i, data] of pictures.entries()) {
    files.push({ name: `pictures/${i}.png`, data });
    // incompressible filler between pictures: the archive spans many ranges
    files.push({ name: `filler/${i}.bin`, data: randomBytes(120_000) });
    if (i === 3) files.push({ name: 'pictures/broken.jpg', data: randomBytes(2_000) });
    if (i === 5) files.push({ name: 'docs/', data: Buffer.alloc(0) });
  }
  // an entry larger than the reader's 1 MiB window: its data streams through
  const noise = await sharp(randomBytes(700 * 700 * 3), {
    raw: { width: 700, height: 700, channels: 3 },
  })
    .png()
    .toBuffer();
  files.push({ name: 'pictures/noise.png', data: noise });
  files.push(
    { name: 'copies/one-again.png', data: copy },
    { name: 'copies/small.png', data: resized },
  );
  const listing = pictures.map((_, i) =>
    JSON.stringify({ file_name: `pictures/${i}.png`, label: i % 2 ? 'cat' : 'dog' }),
  );
  files.push({ name: 'metadata.jsonl', data: Buffer.from(`${listing.join('\n')}\n`) });
  archive = zip(files);
});

describe('a zip split by entry ranges', () => {
  it('merges to the one-pass analysis byte for byte, duplicates and the listing across shards', async () => {
    const one = await foldSource(source(archive), { fileName: 'set.zip' });
    const { plan, planRead, foldRequests, merged } = await split(archive, { fileName: 'set.zip' });
    expect(plan.shards.length).toBeGreaterThan(3);
    // the plan reads the central directory only, never the whole object
    expect(planRead).toBeLessThan(archive.length / 2);
    // each shard fetches its directory window and its data window once, not once per entry
    expect(foldRequests).toBeLessThanOrEqual(2 * plan.shards.length);
    const index = (name: string) => files.findIndex((f) => f.name === name);
    // the copies, the listing and the listed pictures sit in different shards
    expect(shardOf(plan.shards, index('copies/one-again.png'))).not.toBe(
      shardOf(plan.shards, index('pictures/1.png')),
    );
    expect(shardOf(plan.shards, index('metadata.jsonl'))).not.toBe(
      shardOf(plan.shards, index('pictures/0.png')),
    );
    const a = finalize(one, { now: new Date('2025-01-01') });
    const b = finalize(merged, { now: new Date('2025-01-01') });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(Buffer.concat(serializePartial(merged))).toEqual(Buffer.concat(serializePartial(one)));
    // what the equality covers: copies clustered, the broken file counted, the listing applied
    expect(b.images?.undecodable).toBe(1);
    const noise = files.find((f) => f.name === 'pictures/noise.png');
    expect(noise?.data.length).toBeGreaterThan(1024 ** 2);
    expect(b.images?.decoded).toBe(15);
    expect(
      b.images?.duplicates.clusters.some((c) => c.examples.includes('copies/one-again.png')),
    ).toBe(true);
    expect(b.images?.listed?.labels).toEqual({ dog: 6, cat: 6 });
    expect(merged.bytes).toBe(archive.length);
  }, 60_000);

  it('refuses a zip bomb spread over shards, in the plan and in the shard that crosses the cap', async () => {
    const zeros = Buffer.alloc(8 * 1024 ** 2);
    const bomb = zip([
      ...Array.from({ length: 6 }, (_, i) => [
        { name: `big/${i}.png`, data: zeros },
        { name: `filler/${i}.bin`, data: randomBytes(300_000) },
      ]).flat(),
    ]);
    expect(bomb.length).toBeLessThan(3 * 1024 ** 2);
    const options = { images: { maxTotalBytes: 36 * 1024 ** 2 } };
    const message = await foldSource(source(bomb), { ...options, fileName: 'b.zip' }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(message).toMatch(/the archive expands to more than 36 MiB \(archive size limit\)/);
    const { read } = ranged(bomb);
    await expect(planZipShards(read, bomb.length, rangesOf(bomb), options)).rejects.toThrow(
      message,
    );
    // a shard on its own (a plan bypassed) still counts what came before it
    const shards: ZipShard[] = [
      { first: 0, end: 6, uncompressedBefore: 0 },
      { first: 6, end: 12, uncompressedBefore: 3 * zeros.length },
    ];
    const first = foldZipShard(read, bomb.length, shards[0] as ZipShard, 1, options);
    await expect(first).resolves.toBeDefined();
    await expect(
      foldZipShard(read, bomb.length, shards[1] as ZipShard, 1, options),
    ).rejects.toThrow(message);
  }, 60_000);

  it('keeps the entry, per-file and pixel caps and the broken-header refusal of the one pass', async () => {
    const picture = await scene(7, 64, 48).png().toBuffer();
    const many = zip(Array.from({ length: 30 }, (_, i) => ({ name: `p/${i}.png`, data: picture })));
    const { read } = ranged(many);
    const fewer = { images: { maxEntries: 20 } };
    const entries = await foldSource(source(many), fewer).catch((e: Error) => e.message);
    expect(entries).toMatch(/more than 20 entries/);
    await expect(planZipShards(read, many.length, rangesOf(many), fewer)).rejects.toThrow(entries);
    await expect(
      foldZipShard(read, many.length, { first: 25, end: 30, uncompressedBefore: 0 }, 1, fewer),
    ).rejects.toThrow(entries);

    const lying = zip([
      { name: 'a.png', data: picture },
      {
        name: 'b.png',
        data: Buffer.concat([picture, Buffer.alloc(50_000)]),
        declaredSize: picture.length,
      },
    ]);
    const lie = await foldSource(source(lying)).catch((e: Error) => e.message);
    expect(lie).toMatch(/b\.png holds more bytes than its zip header declares/);
    const shard = { first: 1, end: 2, uncompressedBefore: picture.length };
    await expect(foldZipShard(ranged(lying).read, lying.length, shard, 1)).rejects.toThrow(lie);

    const bombed = zip([
      { name: 'a.png', data: picture },
      { name: 'bomb.png', data: bombPng() },
    ]);
    const pixels = await foldSource(source(bombed)).catch((e: Error) => e.message);
    expect(pixels).toMatch(/bomb\.png is 50000 × 50000 pixels/);
    const second = { first: 1, end: 2, uncompressedBefore: picture.length };
    await expect(foldZipShard(ranged(bombed).read, bombed.length, second, 1)).rejects.toThrow(
      pixels,
    );
  }, 60_000);

  it('refuses an archive without images in the plan with the one-pass message', async () => {
    const text = zip([{ name: 'a.jsonl', data: Buffer.from('{"text":"x"}\n') }]);
    const message = await foldSource(source(text), { fileName: 't.zip' }).catch(
      (e: Error) => e.message,
    );
    expect(message).toMatch(/the archive holds no images \(1 entries/);
    await expect(planZipShards(ranged(text).read, text.length, rangesOf(text))).rejects.toThrow(
      message,
    );
  });

  it('gives every range a shard, empty ones included, in central-directory order', async () => {
    const big = zip([
      { name: 'a.png', data: await scene(1, 32, 32).png().toBuffer() },
      // one stored-size entry spanning several ranges
      { name: 'huge.bin', data: randomBytes(1_500_000) },
      { name: 'b.png', data: await scene(2, 32, 32).png().toBuffer() },
    ]);
    const plan = await planZipShards(ranged(big).read, big.length, rangesOf(big));
    expect(plan.shards.length).toBe(plan.ranges.length);
    expect(plan.shards[0]?.first).toBe(0);
    expect(plan.shards.at(-1)?.end).toBe(3);
    for (const [i, s] of plan.shards.entries())
      if (i > 0) expect(s.first).toBe(plan.shards[i - 1]?.end);
    expect(plan.shards.filter((s) => s.end === s.first).length).toBeGreaterThan(0);
  });

  it('refuses an entry that points past the end of the file as a broken zip, not as a changed one', async () => {
    const png = await scene(7, 64, 48).png().toBuffer();
    const broken = zip(Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, data: png })));
    const central = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    broken.writeUInt32LE(broken.length + 1000, broken.lastIndexOf(central) + 42);
    await expect(split(broken)).rejects.toThrow(
      /^the zip archive cannot be read: it points at bytes \d+–\d+ of a \d+-byte file$/,
    );
    await expect(foldSource(source(broken), { fileName: 'p.zip' })).rejects.toThrow(
      /the zip archive cannot be read/,
    );
  });
});
