import { createHash, randomBytes } from 'node:crypto';
import * as tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageArchiveTooBig } from '../../../functions/analyze/distributed/image-route';
import { tarMessage } from '../../../functions/analyze/distributed/plan-images';
import { lineAlignedRanges, treeHash } from '../../../functions/core/tree-hash';
import type { Sample } from '../../../functions/store/samples';
import { startTestPortal, type TestPortal, uploadedSample } from '../../api/harness';
import { asJustUploaded, distributedAnalyzer } from '../distributed-harness';
import { scene, zip } from './fixtures';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
});
afterAll(() => t.stop());

const RANGE = 250_000;

/** Pictures with a copy and a listing in other ranges, a broken file and incompressible filler. */
async function imageZip(): Promise<Buffer> {
  const files: { name: string; data: Buffer }[] = [];
  const pictures = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      scene(300 + i, 160, 120)
        .png()
        .toBuffer(),
    ),
  );
  for (const [i, data] of pictures.entries()) {
    files.push({ name: `pictures/${i}.png`, data });
    files.push({ name: `filler/${i}.bin`, data: randomBytes(90_000) });
    if (i === 2) files.push({ name: 'pictures/broken.jpg', data: randomBytes(3_000) });
  }
  files.push({ name: 'copies/two.png', data: pictures[2] as Buffer });
  const rows = pictures.map((_, i) =>
    JSON.stringify({ file_name: `pictures/${i}.png`, label: `l${i % 3}` }),
  );
  files.push({ name: 'metadata.jsonl', data: Buffer.from(`${rows.join('\n')}\n`) });
  return zip(files);
}

async function imageTar(): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (let i = 0; i < 4; i++)
    pack.entry({ name: `p/${i}.png` }, await scene(i, 64, 48).png().toBuffer());
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Registers and uploads a sample; the portal analyzes it in one pass. */
const uploaded = async (fileName: string, body: Uint8Array, contentType: string) =>
  (await uploadedSample(t, proc, fileName, body, contentType)).sample;

/** The workflow on, and image thresholds a test archive passes. */
const distributed = { DISTRIBUTED_IMAGE_THRESHOLD_BYTES: RANGE, DISTRIBUTED_MERGE_GROUP_RANGES: 2 };

const latest = (s: Sample) =>
  t.portal.deps.repos.samples.get('demo', s.assessmentId, s.sampleId) as Promise<Sample>;

describe('an image zip over the image threshold', () => {
  it('is split by entry ranges and stores byte for byte the one-pass analysis and partial', async () => {
    const bytes = await imageZip();
    expect(bytes.length).toBeGreaterThan(3 * RANGE);
    const sample = await uploaded('set.zip', bytes, 'application/zip');
    expect(sample.status).toBe('analyzed');
    const { blobs, config } = t.portal.deps;
    const bucket = config.SAMPLES_BUCKET;
    const onePass = await blobs.getText(bucket, sample.analysisKey as string);
    const onePassPartial = await blobs.getText(bucket, sample.partialKey as string);
    const parsed = JSON.parse(onePass);
    expect(parsed.images.undecodable).toBe(1);
    expect(parsed.images.listed.labels).toEqual({ l0: 3, l1: 3, l2: 2 });

    await asJustUploaded(t, sample);
    const { local, run } = distributedAnalyzer(t, sample, distributed, {
      shuffleSeed: 7,
      duplicate: [1],
      retry: [2],
    });
    await run();
    const [execution] = [...local.executions.values()];
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { status: 'analyzed' } });
    expect(execution?.folds).toBeGreaterThanOrEqual(4);
    const after = await latest(sample);
    expect(await blobs.getText(bucket, after.analysisKey as string)).toBe(onePass);
    expect(await blobs.getText(bucket, after.partialKey as string)).toBe(onePassPartial);
    expect(after.summary).toEqual(sample.summary);
    // the tree hash over the same line-aligned ranges the CLI computes with --range-bytes
    // the image byte threshold (the archive is too small for the 1 MiB floor of smaller ranges)
    const rangeBytes = RANGE;
    expect(after.hashMethod).toBe(`sha256-tree; range-bytes=${rangeBytes}`);
    const ranges = await lineAlignedRanges(bytes.length, rangeBytes, async (from) =>
      bytes.indexOf(0x0a, from),
    );
    expect(after.sha256).toBe(
      treeHash(
        ranges.map((r) =>
          createHash('sha256').update(bytes.subarray(r.start, r.end)).digest('hex'),
        ),
      ),
    );
  }, 120_000);

  it('refuses a zip bomb in the plan with the one-pass message', async () => {
    const zeros = Buffer.alloc(8 * 1024 ** 2);
    const bytes = zip(
      Array.from({ length: 5 }, (_, i) => [
        { name: `big/${i}.png`, data: zeros },
        { name: `filler/${i}.bin`, data: randomBytes(100_000) },
      ]).flat(),
    );
    const sample = await uploaded('bomb.zip', bytes, 'application/zip');
    await asJustUploaded(t, sample);
    const { local, run } = distributedAnalyzer(t, sample, {
      ...distributed,
      ANALYSIS_MAX_DECOMPRESSED_BYTES: 20 * 1024 ** 2,
    });
    await run();
    expect([...local.executions.values()][0]?.status).toBe('CAUGHT');
    const after = await latest(sample);
    expect(after.status).toBe('failed');
    expect(after.error).toMatch(/^the archive expands to more than 20 MiB \(archive size limit\)/);
  }, 60_000);
});

describe('a tar of images over the image threshold', () => {
  it('is refused with a message saying to upload a zip, never the JSON Lines one', async () => {
    const bytes = await imageTar();
    const sample = await uploaded('set.tar', bytes, 'application/x-tar');
    expect(sample.status).toBe('analyzed');
    await asJustUploaded(t, sample);
    const { local, run } = distributedAnalyzer(t, sample, {
      ...distributed,
      DISTRIBUTED_IMAGE_THRESHOLD_BYTES: 4096,
    });
    await run();
    expect([...local.executions.values()][0]?.status).toBe('CAUGHT');
    const after = await latest(sample);
    expect(after.status).toBe('failed');
    expect(after.error).not.toMatch(/JSON Lines/);
    expect(after.error).toMatch(
      /^"set\.tar" is a tar archive of 0\.0 GB\. A tar archive cannot be split into parts \(it has no index of its files\), so tar archives of images above 4 KiB cannot be analyzed\. Upload the images as a zip/,
    );
  }, 60_000);

  it('says the same after a one pass ran out of time, and that it ran out of time', () => {
    const config = { ...t.portal.deps.config, DISTRIBUTED_IMAGE_THRESHOLD_BYTES: 1024 ** 3 };
    const message = tarMessage('a.tar.gz', 'tar.gz', 5 * 1024 ** 2, config, true);
    expect(message).toMatch(
      /could not be analyzed within the time one analysis may take, and a tar archive cannot be split/,
    );
    expect(message).toMatch(
      /Upload the images as a zip \(its central directory lets the analysis split it into parts\), or as several smaller archives\.$/,
    );
  });
});

describe('which image archives skip the one pass', () => {
  const config = {
    DISTRIBUTED_IMAGE_THRESHOLD_BYTES: 10_000,
    DISTRIBUTED_IMAGE_THRESHOLD_ENTRIES: 20,
  };
  function store(bytes: Buffer) {
    const reads: number[] = [];
    const blobs = {
      streamRange: async (_b: string, _k: string, start: number, end: number) => {
        reads.push(end - start + 1);
        return (async function* () {
          yield bytes.subarray(start, end + 1);
        })();
      },
    };
    return { blobs, reads };
  }
  const check = (bytes: Buffer, name: string, blobs: ReturnType<typeof store>['blobs']) =>
    imageArchiveTooBig(blobs, { bucket: 'b', key: 'k' }, {}, name, bytes.length, config as never);

  it('goes by the entry count a zip end record gives, under the byte threshold', async () => {
    const picture = await scene(1, 8, 8).png().toBuffer();
    const many = zip(Array.from({ length: 25 }, (_, i) => ({ name: `${i}.png`, data: picture })));
    const few = zip(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.png`, data: picture })));
    expect(many.length).toBeLessThan(10_000);
    const a = store(many);
    expect(await check(many, 'many.zip', a.blobs)).toBe(true);
    expect(a.reads.length).toBe(1);
    expect(await check(few, 'few.zip', store(few).blobs)).toBe(false);
    // no end record: left to the one pass, which says what is wrong
    const broken = Buffer.from('PK\x03\x04 not really a zip');
    expect(await check(broken, 'broken.zip', store(broken).blobs)).toBe(false);
  });

  it('goes by bytes for tar and for archives named otherwise, and never reads text samples', async () => {
    const big = Buffer.concat([await imageTar(), Buffer.alloc(20_000)]);
    expect(await check(big, 'set.tar', store(big).blobs)).toBe(true);
    expect(await check(big, 'delivery.bin', store(big).blobs)).toBe(true);
    const text = Buffer.from('{"text":"a"}\n'.repeat(2000));
    const s = store(text);
    expect(await check(text, 'big.jsonl', s.blobs)).toBe(false);
    expect(await check(text.subarray(0, 5000), 'small.jsonl', s.blobs)).toBe(false);
    // a big text sample is looked at once (4 KiB); a small one not at all
    expect(s.reads).toEqual([4096]);
  });
});
