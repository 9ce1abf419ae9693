import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionName, runKeys } from '../../functions/analyze/distributed/types';
import { lineAlignedRanges, treeHash } from '../../functions/core/tree-hash';
import type { Sample } from '../../functions/store/samples';
import { json, startTestPortal, type TestPortal, uploadedSample } from '../api/harness';
import { asJustUploaded, distributedAnalyzer } from './distributed-harness';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
});
afterAll(() => t.stop());

const WORDS = 'data model river stone quiet market signal harbor pencil orbit lantern meadow'.split(
  ' ',
);
const RANGE = 16 * 1024;

/** Texts with exact and near repeats, a few bad rows, labels and dates: ~120 KB. */
function jsonLines(): string {
  const lines: string[] = [];
  for (let i = 0; i < 600; i++) {
    if (i % 150 === 77) lines.push('{"text": broken');
    const base = i % 9 === 4 ? 4 : i;
    const text = Array.from(
      { length: 30 },
      (_, j) => WORDS[(base * 7 + j * ((base % 5) + 1)) % 12],
    );
    if (i % 13 === 0) text[3] = `variant${i}`;
    const created = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(JSON.stringify({ id: i, text: text.join(' '), label: i % 3 ? 'a' : 'b', created }));
  }
  return `${lines.join('\n')}\n`;
}

function plainText(): string {
  const lines: string[] = [];
  for (let i = 0; i < 900; i++) {
    const base = i % 7 === 3 ? 3 : i;
    lines.push(
      Array.from({ length: 20 }, (_, j) => WORDS[(base * 5 + j * ((base % 4) + 1)) % 12]).join(' '),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Registers and uploads a sample; the portal analyzes it in one pass. */
const uploaded = async (fileName: string, body: Uint8Array, contentType: string) =>
  uploadedSample(t, proc, fileName, body, contentType);

/** The portal's configuration with the distributed path on for everything over 1 KB. */
const distributed = {
  DISTRIBUTED_THRESHOLD_BYTES: 1024,
  DISTRIBUTED_RANGE_BYTES: RANGE,
  // groups of 2: several group merges, and a shorter last group when the range count is odd
  DISTRIBUTED_MERGE_GROUP_RANGES: 2,
};

async function treeHashOf(bytes: Uint8Array): Promise<string> {
  const ranges = await lineAlignedRanges(bytes.length, RANGE, async (from) =>
    bytes.indexOf(0x0a, from),
  );
  return treeHash(
    ranges.map((r) => createHash('sha256').update(bytes.subarray(r.start, r.end)).digest('hex')),
  );
}

describe.each([
  ['big.jsonl', jsonLines, 'application/jsonl'],
  ['big.txt', plainText, 'text/plain'],
])('the distributed path on %s', (fileName, make, contentType) => {
  it('stores byte for byte the one-pass analysis and partial, with shuffled, duplicated and retried ranges', async () => {
    const bytes = new TextEncoder().encode(make());
    const { sample } = await uploaded(fileName, bytes, contentType);
    expect(sample.status).toBe('analyzed');
    const { blobs, config } = t.portal.deps;
    const bucket = config.SAMPLES_BUCKET;
    const onePass = await blobs.getText(bucket, sample.analysisKey as string);
    const onePassPartial = await blobs.getText(bucket, sample.partialKey as string);
    // cluster examples carry texts: the merge must read them from the ranges holding them
    expect(
      JSON.parse(onePass).duplicates.clusters.some((c: { texts?: string[] }) => c.texts?.length),
    ).toBe(true);

    await asJustUploaded(t, sample);
    const { local, run } = distributedAnalyzer(t, sample, distributed, {
      shuffleSeed: 42,
      duplicate: [0, 3],
      retry: [2],
    });
    await run();

    const [execution] = [...local.executions.values()];
    expect(local.executions.size).toBe(1);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { status: 'analyzed' } });
    const ranges = Math.ceil(bytes.length / RANGE);
    expect(execution?.folds).toBeGreaterThanOrEqual(ranges - 1 + 2);
    const after = (await t.portal.deps.repos.samples.get(
      'demo',
      sample.assessmentId,
      sample.sampleId,
    )) as Sample;
    expect(after.status).toBe('analyzed');
    expect(await blobs.getText(bucket, after.analysisKey as string)).toBe(onePass);
    expect(await blobs.getText(bucket, after.partialKey as string)).toBe(onePassPartial);
    expect(after.summary).toEqual(sample.summary);
    expect(after.sha256).toBe(await treeHashOf(bytes));
    expect(after.sha256).not.toBe(sample.sha256);
    expect(after.hashMethod).toBe(`sha256-tree; range-bytes=${RANGE}`);
    // the run's working objects are gone once the analysis is stored
    const manifest = `${runKeys({ ...after, scope: after.assessmentId, etag: after.objectETag as string }).manifest}`;
    expect(await blobs.head(bucket, manifest)).toBeUndefined();
    expect(
      await blobs.head(bucket, manifest.replace('manifest.jsonl', 'partials/000000.bin')),
    ).toBeUndefined();
    expect(
      await blobs.head(bucket, manifest.replace('manifest.jsonl', 'groups/000000-0.bin')),
    ).toBeUndefined();

    // A duplicate ObjectCreated event starts nothing and changes nothing.
    await run();
    expect(local.executions.size).toBe(1);
    const again = (await t.portal.deps.repos.samples.get(
      'demo',
      sample.assessmentId,
      sample.sampleId,
    )) as Sample;
    expect(again.version).toBe(after.version);
    const name = executionName(sample.sampleId, after.objectETag as string);
    expect(await local.starter.start(name, execution as never)).toBe('exists');
  }, 120_000);
});

describe('samples the distributed path refuses', () => {
  it('fails a gzip sample over the one-Lambda budget with a message the vendor can act on', async () => {
    const bytes = new Uint8Array(gzipSync(jsonLines()));
    const { sample, token } = await uploaded('big.jsonl.gz', bytes, 'application/gzip');
    await asJustUploaded(t, sample);
    const { local, run } = distributedAnalyzer(t, sample, distributed, {});
    await run();
    expect([...local.executions.values()][0]?.status).toBe('CAUGHT');
    const res = await t.call('GET', `/api/vendor/samples/${sample.sampleId}`, { token });
    expect(res.status).toBe(200);
    const body = await json<{ status: string; error: string }>(res);
    expect(body.status).toBe('failed');
    expect(body.error).toMatch(/"big\.jsonl\.gz" is gzip-compressed .* cannot be split into parts/);
    expect(body.error).toMatch(/Upload it uncompressed/);
    const mail = (await t.portal.deps.repos.outbox.list('demo')).filter(
      (m) => m.assessmentId === sample.assessmentId && m.kind === 'analysis-failed',
    );
    // the vendor's e-mail carries the message, then what to do next with one link
    expect(mail.some((m) => m.body.startsWith(body.error))).toBe(true);
  }, 60_000);

  it('fails a CSV sample with a request to convert it to JSON Lines', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `${i},"${WORDS.join(' ')} ${i}",a`);
    const bytes = new TextEncoder().encode(`id,text,label\n${rows.join('\n')}\n`);
    const { sample } = await uploaded('big.csv', bytes, 'text/csv');
    await asJustUploaded(t, sample);
    const { run } = distributedAnalyzer(t, sample, distributed, {});
    await run();
    const after = await t.portal.deps.repos.samples.get(
      'demo',
      sample.assessmentId,
      sample.sampleId,
    );
    expect(after?.status).toBe('failed');
    expect(after?.error).toMatch(/"big\.csv" .* convert it to JSON Lines/);
  }, 60_000);

  it('fails a sample whose range holds only unreadable rows, naming the part and its bytes', async () => {
    const good = jsonLines();
    const bad = Array.from({ length: 400 }, (_, i) => `{"text": broken ${i}`).join('\n');
    const bytes = new TextEncoder().encode(`${good}${bad}\n${good}`);
    const { sample } = await uploaded('mixed.jsonl', bytes, 'application/jsonl');
    await asJustUploaded(t, sample);
    const { local, run } = distributedAnalyzer(t, sample, distributed, {});
    await run();
    expect([...local.executions.values()][0]?.output).toEqual({ status: 'failed' });
    const after = await t.portal.deps.repos.samples.get(
      'demo',
      sample.assessmentId,
      sample.sampleId,
    );
    expect(after?.status).toBe('failed');
    expect(after?.error).toMatch(
      /^Part \d+ of "mixed\.jsonl" \(bytes \d+–\d+; line numbers count from that part's start\) could not be analyzed: line \d+: /,
    );
  }, 60_000);
});
