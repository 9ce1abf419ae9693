import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from '../api/answers';
import { invitedAssessment, startTestPortal, type TestPortal } from '../api/harness';
import {
  bigJsonl,
  complete,
  MiB,
  multipartEnv,
  partUrls,
  putParts,
  registerBig,
} from '../api/multipart-helpers';
import { raw, register, sampleJsonl, type Upload } from './upload';

/**
 * Issue 20 (items 1 to 3): the guard forwards only signed headers and sets Host itself, and an
 * upload URL is honoured only while its sample is the live registration awaiting that file.
 */

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  // The two bucket names are answered here only to show the guard sets the engine's Host itself.
  t = await startTestPortal({ ...multipartEnv, ALLOWED_HOSTS: 'diligence-reports,evil.test' });
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
});
afterAll(async () => {
  await t.stop();
});

const rel = (url: string) => {
  const x = new URL(url, 'http://x');
  return `${x.pathname}${x.search}`;
};
const keyOf = (u: Upload) => rel(u.uploadUrl).split('?')[0]?.split('/').slice(3).join('/') ?? '';
const put = (u: Upload, body: string | Uint8Array, extra: Record<string, string> = {}) =>
  raw(t.portal.url, {
    method: 'PUT',
    path: rel(u.uploadUrl),
    headers: { ...u.uploadHeaders, ...extra },
    body,
  });
const stored = (bucket: string, key: string) => t.portal.deps.blobs.head(bucket, key);

async function fresh(org = 'demo', body = sampleJsonl()) {
  const staff = org === 'demo' ? proc : await t.staff('procurement', org, `p@${org}.test`);
  const { id, token } = await invitedAssessment(t, staff);
  return { id, token, body, upload: await register(t, token, body) };
}

describe('the guard forwards only what the signature covers', () => {
  it('refuses x-amz-copy-source on a valid PUT: no copy of another tenant, no size or existence', async () => {
    const victim = await fresh('victim-org', sampleJsonl(40));
    expect((await put(victim.upload, victim.body)).status).toBe(200);
    await t.portal.idle();
    const attacker = await fresh('demo', victim.body);
    const { SAMPLES_BUCKET } = t.portal.deps.config;
    for (const source of [
      `/${SAMPLES_BUCKET}/${keyOf(victim.upload)}`,
      `/${SAMPLES_BUCKET}/samples/victim-org/nothing/here`,
    ]) {
      const res = await put(attacker.upload, attacker.body, { 'x-amz-copy-source': source });
      expect(res.status).toBe(403);
      expect(res.body).not.toMatch(/xml|NoSuch|Size|bytes|\d{3,}/i);
    }
    expect(await stored(SAMPLES_BUCKET, keyOf(attacker.upload))).toBeUndefined();
  });

  it('refuses any x-amz-* header the URL does not sign, as S3 does', async () => {
    // S3 requires every x-amz-* header of a presigned request to be signed:
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
    const { body, upload } = await fresh();
    for (const [name, value] of [
      ['x-amz-website-redirect-location', 'https://evil.test/'],
      ['x-amz-storage-class', 'STANDARD_IA'],
      ['x-amz-tagging', 'a=b'],
      ['X-Amz-Meta-Role', 'holdout'],
      ['x-amz-content-sha256', 'UNSIGNED-PAYLOAD'],
    ] as const) {
      expect((await put(upload, body, { [name]: value })).status, name).toBe(403);
    }
    expect(await stored(t.portal.deps.config.SAMPLES_BUCKET, keyOf(upload))).toBeUndefined();
    expect(
      (await put(upload, body, { 'cache-control': 'x', 'x-forwarded-host': 'e' })).status,
    ).toBe(200);
    const head = await stored(t.portal.deps.config.SAMPLES_BUCKET, keyOf(upload));
    expect(head?.size).toBe(Buffer.byteLength(body));
  });

  it('sets the Host itself: Host: diligence-reports cannot move the object to another bucket', async () => {
    const { body, upload } = await fresh();
    const res = await put(upload, body, { host: 'diligence-reports' });
    expect(res.status).toBe(200);
    const { SAMPLES_BUCKET, REPORTS_BUCKET } = t.portal.deps.config;
    expect(await stored(REPORTS_BUCKET, `${SAMPLES_BUCKET}/${keyOf(upload)}`)).toBeUndefined();
    expect((await stored(SAMPLES_BUCKET, keyOf(upload)))?.size).toBe(Buffer.byteLength(body));
  });

  it('answers a Host the portal does not serve with 421 before the guard', async () => {
    const { body, upload } = await fresh();
    const res = await put(upload, body, { host: `diligence-samples/samples/victim-org` });
    expect(res.status).toBe(421);
    expect(await stored(t.portal.deps.config.SAMPLES_BUCKET, keyOf(upload))).toBeUndefined();
  });
});

describe('upload URLs outlive nothing', () => {
  it('refuses a re-PUT after submission (the stored bytes keep the SHA-256 of the report)', async () => {
    const { token, body, upload } = await fresh();
    expect((await put(upload, body)).status).toBe(200);
    await t.portal.idle();
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    const before = await stored(t.portal.deps.config.SAMPLES_BUCKET, keyOf(upload));
    const res = await put(upload, body.toUpperCase());
    expect(res.status).toBe(403);
    expect(await stored(t.portal.deps.config.SAMPLES_BUCKET, keyOf(upload))).toEqual(before);
  });

  it('refuses the single-PUT URL of a retired sample (superseded, or deleted)', async () => {
    const { token, body, upload } = await fresh();
    await register(t, token, body); // a new training sample retires the never-uploaded one
    expect((await put(upload, body)).status).toBe(403);
    const other = await register(t, token, body, { role: 'holdout' });
    const del = await t.call('DELETE', `/api/vendor/samples/${other.sampleId}`, { token });
    expect(del.status).toBe(204);
    expect((await put(other, body)).status).toBe(403);
    expect(await stored(t.portal.deps.config.SAMPLES_BUCKET, keyOf(other))).toBeUndefined();
  });

  const putPart = (url: string, bytes: Uint8Array) =>
    raw(t.portal.url, { method: 'PUT', path: rel(url), body: bytes });

  it('refuses part URLs of an aborted and of a superseded multipart upload', async () => {
    const { token } = await invitedAssessment(t, proc);
    const file = Buffer.alloc(12 * MiB, 0x61);
    const aborted = await registerBig(t, token, file);
    const [a] = (await partUrls(t, token, aborted.sampleId, [1])).parts;
    const gone = await t.call('DELETE', `/api/vendor/samples/${aborted.sampleId}/upload`, {
      token,
    });
    expect(gone.status).toBe(204);
    expect((await putPart(a?.url ?? '', file.subarray(0, a?.sizeBytes))).status).toBe(403);
    const first = await registerBig(t, token, file);
    const [b] = (await partUrls(t, token, first.sampleId, [2])).parts;
    await registerBig(t, token, file); // supersedes `first`, which never received its file
    const part = file.subarray(0, b?.sizeBytes);
    expect((await putPart(b?.url ?? '', part)).status).toBe(403);
  }, 60_000);

  it('refuses a part URL once its multipart upload completed', async () => {
    const { token } = await invitedAssessment(t, proc);
    const file = bigJsonl(6);
    const reg = await registerBig(t, token, file);
    const [one] = (await partUrls(t, token, reg.sampleId, [1])).parts;
    const etags = await putParts(t, token, reg, file, [1, 2]);
    const parts = [...etags].map(([partNumber, etag]) => ({ partNumber, etag }));
    expect((await complete(t, token, reg.sampleId, parts)).status).toBe(200);
    const res = await putPart(one?.url ?? '', file.subarray(0, one?.sizeBytes));
    expect(res.status).toBe(403);
    await t.portal.idle();
  }, 60_000);
});
