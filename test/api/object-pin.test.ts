import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleAnalyzer, type SampleAnalyzer } from '../../functions/analyze/engine';
import { createAnalyzeHandler } from '../../functions/analyze/handler';
import { newId } from '../../functions/lib/ids';
import { StaleObjectError } from '../../functions/store/object-pin';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';
import { putAndSettle, textRecords, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
}, 60_000);
afterAll(async () => {
  await t.stop();
});

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const bodyA = `${textRecords(40).join('\n')}\n`;
// Same length, other bytes: a replacement the declared size cannot tell apart.
const bodyB = bodyA.replace(/harbor/g, 'HARBOR');

async function register(token: string, body: string) {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'a.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<UploadTarget & { sampleId: string }>(res);
}

/**
 * The analyze handler on a bucket the portal's own pipeline does not watch (the reports bucket
 * stands in for the samples bucket), so each test alone decides which events it sees.
 */
function isolated(analyzer: SampleAnalyzer = createSampleAnalyzer()) {
  const { deps } = t.portal;
  const bucket = deps.config.REPORTS_BUCKET;
  const config = { ...deps.config, SAMPLES_BUCKET: bucket };
  const put = (key: string, body: string) =>
    deps.blobs.put(bucket, key, body, { contentType: 'application/jsonl' });
  return { bucket, put, handle: createAnalyzeHandler({ ...deps, config, analyzer }) };
}

describe('analyses pinned to the uploaded object', () => {
  it('records the ETag the analysis read on the sample and in the report’s file entry', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const upload = await register(token, bodyA);
    await putAndSettle(t, upload, bodyA);
    const sample = await t.portal.deps.repos.samples.get('demo', id, upload.sampleId);
    expect(sample?.status).toBe('analyzed');
    expect(sample?.objectETag?.replace(/"/g, '')).toBe(md5(bodyA));
    // s3rver keeps no versions: locally the pin is the ETag alone.
    expect(sample?.objectVersionId ?? null).toBeNull();
    const report = await json<{ samples: { file: { sampleId: string; etag?: string } }[] }>(
      t.call('GET', `/api/assessments/${id}/report`, { token: proc }),
    );
    const file = report.samples.find((s) => s.file.sampleId === upload.sampleId)?.file;
    expect(file?.etag).toBe(md5(bodyA));
  });

  it('fails a pinned read of a replaced object instead of returning the other bytes', async () => {
    const { bucket, put } = isolated();
    const { blobs } = t.portal.deps;
    const key = `samples/demo/${newId()}/${newId()}`;
    await put(key, bodyA);
    const pin = { etag: (await blobs.head(bucket, key))?.etag };
    await put(key, bodyB);
    await expect(blobs.stream(bucket, key, pin)).rejects.toBeInstanceOf(StaleObjectError);
    await expect(blobs.streamRange(bucket, key, 0, 9, pin)).rejects.toBeInstanceOf(
      StaleObjectError,
    );
    await expect(blobs.head(bucket, key, pin)).rejects.toBeInstanceOf(StaleObjectError);
  });

  it('ignores an event whose ETag is no longer the object’s, and analyzes the current one’s', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const upload = await register(token, bodyA);
    const { bucket, put, handle } = isolated();
    const key = `samples/demo/${id}/${upload.sampleId}`;
    await put(key, bodyB);
    const size = Buffer.byteLength(bodyA);
    await handle([{ bucket, key, size, eTag: md5(bodyA) }]);
    const after = await t.portal.deps.repos.samples.get('demo', id, upload.sampleId);
    expect(after?.status).toBe('awaiting_upload');
    await handle([{ bucket, key, size, eTag: md5(bodyB) }]);
    const done = await t.portal.deps.repos.samples.get('demo', id, upload.sampleId);
    expect(done?.status).toBe('analyzed');
    expect(done?.sha256).toBe(sha256(bodyB));
  });

  it('never records one object’s ETag with another’s bytes when the object is replaced mid-analysis', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const upload = await register(token, bodyA);
    const key = `samples/demo/${id}/${upload.sampleId}`;
    const real = createSampleAnalyzer();
    let runs = 0;
    const ctx = isolated({
      ...real,
      async analyzeObject(object, options) {
        // The vendor's second PUT lands after the event, before the analysis reads the bytes.
        if (runs++ === 0) await ctx.put(key, bodyB);
        return real.analyzeObject(object, options);
      },
    });
    await ctx.put(key, bodyA);
    await ctx.handle([
      { bucket: ctx.bucket, key, size: Buffer.byteLength(bodyA), eTag: md5(bodyA) },
    ]);
    const done = await t.portal.deps.repos.samples.get('demo', id, upload.sampleId);
    expect(done?.status).toBe('analyzed');
    expect(done?.sha256).toBe(sha256(bodyB));
    expect(done?.objectETag?.replace(/"/g, '')).toBe(md5(bodyB));
    expect(runs).toBe(2);
  });
});
