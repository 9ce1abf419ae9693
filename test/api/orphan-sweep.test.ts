import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/lib/aws-clients';
import { newId } from '../../functions/lib/ids';
import { localOrphanSweep } from '../../functions/local/orphan-sweep';
import { ORPHAN_GRACE_MS } from '../../functions/retention/orphan-verdict';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';
import { bigJsonl, MiB, multipartEnv, putParts, registerBig } from './multipart-helpers';
import { putAndSettle, textRecords, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
let clients: ReturnType<typeof createAwsClients>;
let bucket: string;
beforeAll(async () => {
  t = await startTestPortal(multipartEnv);
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
  clients = createAwsClients(t.portal.deps.config);
  bucket = t.portal.deps.config.SAMPLES_BUCKET;
}, 60_000);
afterAll(async () => {
  await t.stop();
});

/** The local sweep as the portal's timer runs it, on a clock past the grace period. */
const sweepLater = (pageSize?: number) =>
  localOrphanSweep(
    { ...t.portal.deps, clock: () => new Date(Date.now() + ORPHAN_GRACE_MS + 60_000) },
    clients,
    pageSize,
  )();
const exists = async (key: string) => Boolean(await t.portal.deps.blobs.head(bucket, key));
/** s3rver's multipart folders (one per upload id that has parts or a key). */
const uploadFolders = async () =>
  readdir(join(t.dataDir, 's3', bucket, '._S3rver_uploads')).catch(() => [] as string[]);
/** A write straight to the engine, as a stale presigned URL makes (no guard involved). */
const putDirect = (key: string, body: string) =>
  clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
const partDirect = (key: string, uploadId: string) =>
  clients.s3.send(
    new UploadPartCommand({
      Bucket: bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: 1,
      Body: Buffer.alloc(5 * MiB, 7),
    }),
  );

async function registerSmall(token: string, body: string) {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'small.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<UploadTarget & { sampleId: string }>(res);
}

describe('orphan sweep (local runtime)', () => {
  it('deletes objects no live record owns after the grace period, and keeps a live sample with its analysis', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const body = `${textRecords(30).join('\n')}\n`;
    const retired = await registerSmall(token, body);
    const live = await registerSmall(token, body); // retires the never-uploaded one at once
    await putAndSettle(t, live, body);
    const sample = await t.portal.deps.repos.samples.get('demo', id, live.sampleId);
    expect(sample?.status).toBe('analyzed');
    // A retired sample's URL still writes; a key no record ever had; analyses of no sample.
    const stranger = newId();
    const orphans = [
      `samples/demo/${id}/${retired.sampleId}`,
      `samples/demo/${id}/${stranger}`,
      `analyses/demo/${id}/${stranger}.json`,
      `partials/demo/${id}/${stranger}.bin`,
    ];
    for (const key of orphans) await putDirect(key, body);
    await t.portal.idle();

    await t.portal.sweep(); // now: everything is younger than the grace period
    for (const key of orphans) expect(await exists(key), key).toBe(true);

    // Two-key pages: s3rver's listing pages through, ten pages per prefix and run.
    const result = await sweepLater(2);
    for (const key of orphans) expect(await exists(key), key).toBe(false);
    expect(result.versions).toBeGreaterThanOrEqual(orphans.length);
    for (const key of [sample?.key, sample?.analysisKey, sample?.partialKey])
      expect(await exists(String(key)), String(key)).toBe(true);
    expect(result.finished).toContain('versions#samples/');
  });

  it('removes parts written to aborted and superseded multipart uploads and aborts unknown ones, keeping the live upload', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const file = bigJsonl(6);
    const aborted = await registerBig(t, token, file);
    await putParts(t, token, aborted, file, [1]);
    const del = await t.call('DELETE', `/api/vendor/samples/${aborted.sampleId}/upload`, { token });
    expect(del.status, await del.clone().text()).toBeLessThan(300);
    const superseded = await registerBig(t, token, file);
    await putParts(t, token, superseded, file, [1]);
    const live = await registerBig(t, token, file); // supersedes the unfinished one
    expect(live.replaced).toContain(superseded.sampleId);
    await putParts(t, token, live, file, [1]);
    // Part URLs of the aborted and the superseded upload keep writing into s3rver.
    await partDirect(`samples/demo/${id}/${aborted.sampleId}`, aborted.upload.uploadId);
    await partDirect(`samples/demo/${id}/${superseded.sampleId}`, superseded.upload.uploadId);
    // An upload no sample record names.
    const strangerKey = `samples/demo/${id}/${newId()}`;
    const stranger = await clients.s3.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: strangerKey }),
    );
    await partDirect(strangerKey, stranger.UploadId as string);
    const before = await uploadFolders();
    for (const u of [aborted, superseded, live]) expect(before).toContain(u.upload.uploadId);

    await t.portal.sweep(); // the portal's timer: parts with no upload behind them go at once
    const swept = await uploadFolders();
    expect(swept).not.toContain(aborted.upload.uploadId);
    expect(swept).not.toContain(superseded.upload.uploadId);
    expect(swept).toContain(stranger.UploadId);
    expect(swept).toContain(live.upload.uploadId);

    const later = await sweepLater();
    const after = await uploadFolders();
    expect(after).not.toContain(stranger.UploadId);
    expect(after).toContain(live.upload.uploadId);
    expect(later.uploads).toBeGreaterThanOrEqual(1);
    const parts = await t.call('GET', `/api/vendor/samples/${live.sampleId}/parts`, { token });
    expect(parts.status).toBe(200);
  });
});
