import * as tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineMarginMs } from '../../../functions/analyze/deadline';
import { createLocalWorkflow } from '../../../functions/analyze/distributed/local-runner';
import { createSampleAnalyzer } from '../../../functions/analyze/engine';
import { createAnalyzeHandler } from '../../../functions/analyze/handler';
import type { Sample } from '../../../functions/store/samples';
import { invitedAssessment, json, startTestPortal, type TestPortal } from '../../api/harness';
import { scene, zip } from './fixtures';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
});
afterAll(() => t.stop());

const noMetrics = { sampleAnalyzed() {}, analysisFailed() {}, reportScored() {}, flush() {} };

/** Registers a sample and stores its bytes without the portal's own analysis (no event handled). */
async function stored(fileName: string, body: Buffer, contentType: string) {
  const { id, token } = await invitedAssessment(t, proc);
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: { fileName, role: 'training', sizeBytes: body.length, contentType },
  });
  expect(res.status).toBe(201);
  const { sampleId } = await json<{ sampleId: string }>(res);
  const { deps } = t.portal;
  const sample = (await deps.repos.samples.get('demo', id, sampleId)) as Sample;
  await deps.blobs.put(deps.config.SAMPLES_BUCKET, sample.key, body, { contentType });
  return sample;
}

/** The analyzer with the workflow, thresholds untouched, and no time left for the one pass. */
function outOfTime(sample: Sample) {
  const { deps } = t.portal;
  const clock = () => new Date(sample.updatedAt);
  const local = createLocalWorkflow({ ...deps, clock, metrics: noMetrics });
  const analyze = createAnalyzeHandler({
    ...deps,
    clock,
    analyzer: createSampleAnalyzer(),
    workflow: local.starter,
  });
  const object = { bucket: deps.config.SAMPLES_BUCKET, key: sample.key, size: sample.sizeBytes };
  return { local, run: () => analyze([object], { remainingMs: () => deadlineMarginMs }) };
}

const current = async (s: Sample) =>
  (await t.portal.deps.repos.samples.get('demo', s.assessmentId, s.sampleId)) as Sample;

describe('an image archive whose one pass runs out of time', () => {
  it('is split by entry ranges when it is a zip', async () => {
    const pictures = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        scene(40 + i, 96, 72)
          .png()
          .toBuffer(),
      ),
    );
    const bytes = zip(pictures.map((data, i) => ({ name: `p/${i}.png`, data })));
    const sample = await stored('small.zip', bytes, 'application/zip');
    expect(sample.sizeBytes).toBeLessThan(t.portal.deps.config.DISTRIBUTED_IMAGE_THRESHOLD_BYTES);
    const { local, run } = outOfTime(sample);
    await run();
    expect([...local.executions.values()][0]).toMatchObject({
      status: 'SUCCEEDED',
      output: { status: 'analyzed' },
    });
    const after = await current(sample);
    expect(after.status).toBe('analyzed');
    expect(after.hashMethod).toMatch(/^sha256-tree; range-bytes=/);
  }, 60_000);

  it('is refused with the tar message, saying it ran out of time, when it is a tar', async () => {
    const pack = tar.pack();
    const chunks: Buffer[] = [];
    pack.on('data', (c: unknown) => chunks.push(c as Buffer));
    const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
    pack.entry({ name: 'p/0.png' }, await scene(1, 64, 48).png().toBuffer());
    pack.finalize();
    await ended;
    const sample = await stored('small.tar', Buffer.concat(chunks), 'application/x-tar');
    const { local, run } = outOfTime(sample);
    await run();
    expect([...local.executions.values()][0]?.status).toBe('CAUGHT');
    const after = await current(sample);
    expect(after.status).toBe('failed');
    expect(after.error).toMatch(
      /^"small\.tar" \(a tar archive of 0\.0 GB\) could not be analyzed within the time one analysis may take, and a tar archive cannot be split into parts/,
    );
    expect(after.error).not.toMatch(/JSON Lines/);
  }, 60_000);
});
