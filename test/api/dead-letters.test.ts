import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeadLetterHandler,
  deadLetterMessage,
} from '../../functions/analyze/dead-letters/handler';
import { createAnalyzeHandler } from '../../functions/analyze/handler';
import type { ProductMetrics } from '../../functions/lib/metrics';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
let proc: string;

beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'buyer@demo.test');
});
afterAll(() => t.stop());

function recorder() {
  const failures: string[] = [];
  const metrics: ProductMetrics = {
    sampleAnalyzed: () => {},
    analysisFailed: (reason) => failures.push(reason),
    reportScored: () => {},
    flush: () => {},
  };
  return { failures, metrics };
}

async function registered(fileName: string, sizeBytes = 100) {
  const { id, token } = await invitedAssessment(t, proc);
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: { fileName, role: 'training', sizeBytes, contentType: 'application/jsonl' },
  });
  expect(res.status).toBe(201);
  const { sampleId } = await json<{ sampleId: string }>(res);
  const sample = await t.portal.deps.repos.samples.get('demo', id, sampleId);
  if (!sample) throw new Error('sample not stored');
  return { id, token, sample };
}

describe('dead-lettered analyses', () => {
  it('marks the sample failed with a message the vendor can act on and tells vendor and procurement', async () => {
    const { id, token, sample } = await registered('stuck.jsonl');
    const { failures, metrics } = recorder();
    const handle = createDeadLetterHandler({ ...t.portal.deps, metrics });
    const object = { bucket: t.portal.deps.config.SAMPLES_BUCKET, key: sample.key, size: 100 };
    await handle([object], 'm-1');

    const res = await t.call('GET', `/api/vendor/samples/${sample.sampleId}`, { token });
    expect(res.status).toBe(200);
    const body = await json<{ status: string; error: string }>(res);
    expect(body).toMatchObject({ status: 'failed', error: deadLetterMessage('stuck.jsonl') });
    expect(body.error).toMatch(/Upload the file again/);
    expect(failures).toEqual(['dead-letter']);

    const mail = (await t.portal.deps.repos.outbox.list('demo')).filter(
      (m) => m.assessmentId === id && m.kind === 'analysis-failed',
    );
    expect(mail.map((m) => m.to).sort()).toEqual(['buyer@demo.test', 'data@acme.test']);
    expect(mail).toHaveLength(2);
    // each says what to do next, with exactly one link
    for (const m of mail) expect(m.body.match(/(https?:\/\/|mailto:)\S+/g), m.to).toHaveLength(1);
    expect(mail.find((m) => m.to === 'buyer@demo.test')?.body).toMatch(
      new RegExp(`/assessments/${id}$`),
    );

    // SQS may deliver a dead letter twice: the second time changes and sends nothing.
    await handle([object], 'm-1');
    const again = (await t.portal.deps.repos.outbox.list('demo')).filter(
      (m) => m.assessmentId === id && m.kind === 'analysis-failed',
    );
    expect(again).toHaveLength(2);
    expect(failures).toEqual(['dead-letter']);
  });

  it('ignores objects that are not sample uploads', async () => {
    const { failures, metrics } = recorder();
    const handle = createDeadLetterHandler({ ...t.portal.deps, metrics });
    await handle([{ bucket: t.portal.deps.config.SAMPLES_BUCKET, key: 'other/x', size: 1 }], 'm-2');
    expect(failures).toEqual([]);
  });
});

describe('the analyzer time budget', () => {
  it('fails the sample cleanly when Lambda has no time left for it, without throwing', async () => {
    const body = `${Array.from({ length: 50 }, (_, i) => JSON.stringify({ text: `record ${i}` })).join('\n')}\n`;
    const bytes = new TextEncoder().encode(body);
    const { token, sample } = await registered('slow.jsonl', bytes.length);
    const { deps } = t.portal;
    // Store the object directly: the portal's own upload hook would analyze it without a budget.
    await deps.blobs.put(`${deps.config.SAMPLES_BUCKET}`, `${sample.key}.copy`, bytes, {
      contentType: 'application/jsonl',
    });
    const { failures, metrics } = recorder();
    const stream = deps.blobs.stream.bind(deps.blobs);
    const blobs = { ...deps.blobs, stream: (b: string, k: string) => stream(b, `${k}.copy`) };
    const head = deps.blobs.head.bind(deps.blobs);
    await createAnalyzeHandler({
      ...deps,
      metrics,
      blobs: { ...blobs, head: (b: string, k: string) => head(b, `${k}.copy`) },
    })([{ bucket: deps.config.SAMPLES_BUCKET, key: sample.key, size: bytes.length }], {
      remainingMs: () => 30_000,
    });
    const res = await t.call('GET', `/api/vendor/samples/${sample.sampleId}`, { token });
    const status = await json<{ status: string; error: string }>(res);
    expect(status.status).toBe('failed');
    expect(status.error).toMatch(/did not finish within 1 minute, the most one analysis may take/);
    expect(failures).toEqual(['timeout']);
  });
});

describe('the analyzer deadline', () => {
  it('never expires without a Lambda clock and expires at once when no time is left', async () => {
    const { Deadline, deadlineMarginMs } = await import('../../functions/analyze/deadline');
    const open = new Deadline();
    expect(open.expired).toBe(false);
    open.clear();
    const spent = new Deadline(() => deadlineMarginMs);
    expect(spent.expired).toBe(true);
    const chunks = spent.guard(
      (async function* () {
        yield new Uint8Array([1]);
      })(),
    );
    await expect(chunks.next()).rejects.toThrow(/ran out of time/);
  });
});
