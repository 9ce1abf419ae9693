import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exampleRecords,
  finalize,
  foldSource,
  readPartial,
  recordTexts,
  serializePartial,
  withClusterTexts,
} from '../../functions/core/analysis';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal({ ANALYSIS_WORKERS: '2', ANALYSIS_SHARD_BYTES: '65536' });
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
});
afterAll(async () => {
  await t.stop();
});

const WORDS = 'data model river stone quiet market signal harbor pencil orbit lantern meadow'.split(
  ' ',
);

/** About 1 MB of JSON Lines: repeated and near-repeated texts, labels, dates, a few bad rows. */
function sample(): string {
  const lines: string[] = [];
  for (let i = 0; i < 3300; i++) {
    if (i % 400 === 123) lines.push('{"text": broken');
    const base = i % 9 === 4 ? 4 : i;
    const text = Array.from(
      { length: 40 },
      (_, j) => WORDS[(base * 7 + j * ((base % 5) + 1)) % 12],
    );
    if (i % 13 === 0) text[3] = `variant${i}`;
    const created = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(JSON.stringify({ id: i, text: text.join(' '), label: i % 3 ? 'a' : 'b', created }));
  }
  return `${lines.join('\n')}\n`;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

describe('big samples fan out over worker threads', () => {
  it('stores exactly the one-pass analysis, partial and SHA-256 of an uploaded sample', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const body = sample();
    const bytes = new TextEncoder().encode(body);
    expect(bytes.length).toBeGreaterThan(900_000);
    const res = await t.call('POST', '/api/vendor/samples', {
      token,
      body: {
        fileName: 'big.jsonl',
        role: 'training',
        sizeBytes: bytes.length,
        contentType: 'application/jsonl',
      },
    });
    expect(res.status).toBe(201);
    const upload = await json<{
      sampleId: string;
      uploadUrl: string;
      uploadHeaders: Record<string, string>;
    }>(res);
    const before = Date.now();
    const put = await fetch(new URL(upload.uploadUrl, t.portal.url), {
      method: 'PUT',
      headers: upload.uploadHeaders,
      body,
    });
    expect(put.status).toBe(200);
    await t.portal.idle();
    const after = Date.now();
    const { deps } = t.portal;
    const stored = await deps.repos.samples.get('demo', id, upload.sampleId);
    expect(stored?.status).toBe('analyzed');
    if (!stored?.analysisKey || !stored.partialKey) throw new Error('no analysis stored');
    // The analysis runs on the portal's analysis worker thread (its own clients), so in-process
    // spies cannot see the shards; fan-out itself is covered by test/unit/shards. Here: the result.
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    // the same secret draw key the analyzer was given, so the spot-check pool folds alike
    const options = {
      fileName: stored.fileName,
      fields: stored.fieldOverrides,
      ...(stored.drawKey ? { spotCheck: { key: stored.drawKey } } : {}),
    };
    expect(stored.drawKey, 'a vendor sample gets a draw key').toBeTruthy();
    const partial = await foldSource(once(bytes), options);
    const bucket = deps.config.SAMPLES_BUCKET;
    const storedPartial = await readPartial(await deps.blobs.stream(bucket, stored.partialKey));
    expect(serializePartial(storedPartial)).toEqual(serializePartial(partial));
    // The run's clock lies between before and after; only the day of `now` enters the analysis.
    const expected = await Promise.all(
      [before, after].map(async (now) => {
        const analysis = finalize(partial, { now });
        const texts = await recordTexts(once(bytes), analysis, exampleRecords(analysis), options);
        return JSON.stringify(withClusterTexts(analysis, texts));
      }),
    );
    expect(expected).toContain(await deps.blobs.getText(bucket, stored.analysisKey));
    expect(JSON.parse(expected[0] as string).duplicates.clusters.length).toBeGreaterThan(0);
  }, 300_000);
});
