import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineMarginMs } from '../../functions/analyze/deadline';
import {
  type ExecutionEndedEvent,
  failInputOf,
  isExecutionEnded,
} from '../../functions/analyze/distributed/execution-ended';
import { createFailHandler } from '../../functions/analyze/distributed/fail';
import { createLocalWorkflow } from '../../functions/analyze/distributed/local-runner';
import type { RunInput } from '../../functions/analyze/distributed/types';
import { createSampleAnalyzer } from '../../functions/analyze/engine';
import { createAnalyzeHandler } from '../../functions/analyze/handler';
import type { Sample } from '../../functions/store/samples';
import { invitedAssessment, json, startTestPortal, type TestPortal } from '../api/harness';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
});
afterAll(() => t.stop());

const noMetrics = { sampleAnalyzed() {}, analysisFailed() {}, reportScored() {}, flush() {} };
const WORDS = 'data model river stone quiet market signal harbor pencil orbit'.split(' ');

function jsonLines(): Uint8Array {
  const lines = Array.from({ length: 500 }, (_, i) => {
    const base = i % 9 === 4 ? 4 : i;
    const text = Array.from(
      { length: 24 },
      (_, j) => WORDS[(base * 7 + j * ((base % 5) + 1)) % 10],
    );
    return JSON.stringify({ id: i, text: text.join(' '), label: i % 3 ? 'a' : 'b' });
  });
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** Registers a sample and stores its bytes without the portal's own analysis (no event handled). */
async function stored(fileName: string, body: Uint8Array) {
  const { id, token } = await invitedAssessment(t, proc);
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: { fileName, role: 'training', sizeBytes: body.length, contentType: 'application/jsonl' },
  });
  expect(res.status).toBe(201);
  const { sampleId } = await json<{ sampleId: string }>(res);
  const { deps } = t.portal;
  const sample = (await deps.repos.samples.get('demo', id, sampleId)) as Sample;
  await deps.blobs.put(deps.config.SAMPLES_BUCKET, sample.key, body, {
    contentType: 'application/jsonl',
  });
  return { sample, token };
}

const current = async (s: Sample) =>
  (await t.portal.deps.repos.samples.get('demo', s.assessmentId, s.sampleId)) as Sample;

/** The analyzer (threshold untouched: the sample is far under it), with or without the workflow. */
function analyzer(sample: Sample, withWorkflow: boolean) {
  const { deps } = t.portal;
  const clock = () => new Date(sample.updatedAt);
  const local = createLocalWorkflow({ ...deps, clock, metrics: noMetrics });
  const analyze = createAnalyzeHandler({
    ...deps,
    clock,
    analyzer: createSampleAnalyzer(),
    ...(withWorkflow ? { workflow: local.starter } : {}),
  });
  const object = { bucket: deps.config.SAMPLES_BUCKET, key: sample.key, size: sample.sizeBytes };
  // Lambda's remaining time is exactly the margin: the one pass's budget is spent at its first chunk
  const run = () => analyze([object], { remainingMs: () => deadlineMarginMs });
  return { local, run };
}

describe('a one pass that runs out of time', () => {
  it('hands the sample to the distributed workflow instead of failing it', async () => {
    const { sample } = await stored('slow.jsonl', jsonLines());
    expect(sample.sizeBytes).toBeLessThan(t.portal.deps.config.DISTRIBUTED_THRESHOLD_BYTES);
    const { local, run } = analyzer(sample, true);
    await run();
    expect(local.executions.size).toBe(1);
    expect([...local.executions.values()][0]).toMatchObject({
      status: 'SUCCEEDED',
      output: { status: 'analyzed' },
    });
    const after = await current(sample);
    expect(after.status).toBe('analyzed');
    expect(after.error ?? null).toBeNull();
    expect(after.hashMethod).toMatch(/^sha256-tree; range-bytes=/);
  }, 60_000);

  it('still fails with the time-limit message where there is no workflow (locally)', async () => {
    const { sample } = await stored('slow-local.jsonl', jsonLines());
    const { local, run } = analyzer(sample, false);
    await run();
    expect(local.executions.size).toBe(0);
    const after = await current(sample);
    expect(after.status).toBe('failed');
    expect(after.error).toMatch(/did not finish within 1 minute, .* Upload a smaller sample/);
  }, 60_000);
});

describe('an execution that ends without its catch (the EventBridge rule target)', () => {
  /** The event EventBridge delivers for a status change; `input` is the execution input as JSON. */
  const event = (status: string, run: Partial<RunInput>): ExecutionEndedEvent => ({
    'detail-type': 'Step Functions Execution Status Change',
    detail: { status, input: JSON.stringify(run), executionArn: 'arn:aws:states:…:execution:x' },
  });

  it('marks a sample still analyzing failed, says the run ran out of time, and tells people', async () => {
    const { sample, token } = await stored('stuck.jsonl', jsonLines());
    const { deps } = t.portal;
    await deps.repos.samples.save({
      ...sample,
      status: 'analyzing',
      objectETag: '"etag-1"',
      version: sample.version + 1,
    });
    const run: RunInput = {
      bucket: deps.config.SAMPLES_BUCKET,
      key: sample.key,
      organizationId: 'demo',
      scope: sample.assessmentId,
      sampleId: sample.sampleId,
      etag: '"etag-1"',
      size: sample.sizeBytes,
    };
    const ended = event('TIMED_OUT', run);
    expect(isExecutionEnded(ended)).toBe(true);
    const input = failInputOf(ended);
    expect(input?.run).toEqual(run);
    const fail = createFailHandler({ ...deps, metrics: noMetrics });
    expect(await fail(input as never)).toEqual({ marked: true });
    const res = await t.call('GET', `/api/vendor/samples/${sample.sampleId}`, { token });
    const body = await json<{ status: string; error: string }>(res);
    expect(body.status).toBe('failed');
    expect(body.error).toMatch(/"stuck\.jsonl" ran out of time before it finished/);
    const mail = (await deps.repos.outbox.list('demo')).filter(
      (m) => m.assessmentId === sample.assessmentId && m.kind === 'analysis-failed',
    );
    // the vendor's e-mail carries the message, then what to do next with one link
    expect(mail.some((m) => m.body.startsWith(body.error))).toBe(true);
    // the FAILED event after a catch already ran (or a repeated event) changes nothing
    expect(await fail(failInputOf(event('FAILED', run)) as never)).toEqual({ marked: false });
  }, 60_000);

  it('names a stopped execution, and ignores events that carry no run', () => {
    const input = failInputOf(
      event('ABORTED', { organizationId: 'o', scope: 's', sampleId: 'x', etag: 'e' }),
    );
    expect(input?.error?.Error).toBe('ExecutionABORTED');
    expect(failInputOf({ ...event('ABORTED', {}), detail: { status: 'ABORTED' } })).toBeUndefined();
    expect(failInputOf(event('TIMED_OUT', { sampleId: 'x' }))).toBeUndefined();
    expect(isExecutionEnded({ run: {} })).toBe(false);
  });
});
