import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/lib/aws-clients';
import { createS3Guard } from '../../functions/local/s3-guard';
import { invitedAssessment, json, startTestPortal, type TestPortal } from '../api/harness';
import { raw, register, sampleJsonl, type Upload } from './upload';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
});
afterAll(async () => {
  await t.stop();
});

/** The upload URL is absolute (#15); requests here go to the portal by path and query. */
const rel = (url: string) => {
  const x = new URL(url, 'http://x');
  return `${x.pathname}${x.search}`;
};

const pathOf = (u: Upload) => {
  const url = new URL(u.uploadUrl, 'http://x');
  return { path: url.pathname, search: url.search, url };
};

async function fresh(body = sampleJsonl()) {
  const { id, token } = await invitedAssessment(t, proc);
  return { id, token, body, upload: await register(t, token, body) };
}

const put = (
  u: Upload,
  body: string,
  headers: Record<string, string> = u.uploadHeaders,
  path?: string,
) => raw(t.portal.url, { method: 'PUT', path: path ?? rel(u.uploadUrl), headers, body });

describe('the guard in front of the embedded S3', () => {
  it('accepts the presigned PUT as issued, and its answer cannot render in a browser', async () => {
    const { token, body, upload } = await fresh();
    const res = await put(upload, body);
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    await t.portal.idle();
    const status = await json<{ status: string }>(
      t.call('GET', `/api/vendor/samples/${upload.sampleId}`, { token }),
    );
    expect(status.status).toBe('analyzed');
  });

  it('refuses a tampered signature', async () => {
    const { body, upload } = await fresh();
    const { url } = pathOf(upload);
    const sig = url.searchParams.get('X-Amz-Signature') as string;
    url.searchParams.set('X-Amz-Signature', `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`);
    expect(
      (await put(upload, body, upload.uploadHeaders, `${url.pathname}${url.search}`)).status,
    ).toBe(403);
  });

  it('refuses a signature for another sample key', async () => {
    const a = await fresh();
    const b = await fresh();
    const other = `${pathOf(b.upload).path}${pathOf(a.upload).search}`;
    expect((await put(a.upload, a.body, a.upload.uploadHeaders, other)).status).toBe(403);
  });

  it('refuses an expired signature', async () => {
    const { id, body, upload } = await fresh();
    const { deps } = t.portal;
    const target = await deps.presigner({
      bucket: deps.config.SAMPLES_BUCKET,
      key: `samples/demo/${id}/${upload.sampleId}`,
      contentType: 'application/jsonl',
      contentLength: Buffer.byteLength(body),
      metadata: {},
      expiresInSeconds: 60,
      now: new Date(Date.now() - 120_000),
    });
    const res = await raw(t.portal.url, {
      method: 'PUT',
      path: target.url,
      headers: target.headers,
      body,
    });
    expect(res.status).toBe(403);
    const guard = createS3Guard({
      s3: createAwsClients(deps.config).s3,
      samplesBucket: deps.config.SAMPLES_BUCKET,
      clock: () => new Date(Date.now() + 16 * 60_000),
    });
    const late = await guard({
      method: 'PUT',
      url: rel(upload.uploadUrl).replace(/^\/_s3/, ''),
      headers: { ...upload.uploadHeaders, 'content-length': String(Buffer.byteLength(body)) },
    });
    expect(late).toEqual({ allow: false, reason: 'expired' });
  });

  it('refuses a body of another length than the signed one', async () => {
    const { body, upload } = await fresh();
    expect((await put(upload, `${body}\n{"text":"extra"}`)).status).toBe(403);
  });

  it('refuses another content type than the signed one, and HTML outright', async () => {
    const { body, upload } = await fresh();
    const headers = { ...upload.uploadHeaders, 'content-type': 'text/plain' };
    expect((await put(upload, body, headers)).status).toBe(403);
    const html = '<script>alert(document.cookie)</script>';
    const page = await put(upload, html, { ...upload.uploadHeaders, 'content-type': 'text/html' });
    expect(page.status).toBe(403);
    const { token } = await invitedAssessment(t, proc);
    const asHtml = await t.call('POST', '/api/vendor/samples', {
      token,
      body: { fileName: 'x.html', role: 'training', sizeBytes: 40, contentType: 'text/html' },
    });
    expect(asHtml.status).toBe(400);
  });

  it('serves nothing back: reads, listings, deletes and other methods are refused', async () => {
    const { body, upload } = await fresh();
    expect((await put(upload, body)).status).toBe(200);
    await t.portal.idle();
    const bucket = t.portal.deps.config.SAMPLES_BUCKET;
    const { path } = pathOf(upload);
    for (const [method, p] of [
      ['GET', path],
      ['GET', rel(upload.uploadUrl)],
      ['HEAD', path],
      ['GET', `/_s3/${bucket}`],
      ['GET', `/_s3/${bucket}?list-type=2`],
      ['GET', '/_s3/'],
      ['GET', '/_s3'],
      ['DELETE', path],
      ['DELETE', rel(upload.uploadUrl)],
      ['POST', `/_s3/${bucket}?delete`],
      ['GET', `/_s3/${t.portal.deps.config.REPORTS_BUCKET}`],
    ] as const) {
      const res = await raw(t.portal.url, { method, path: p });
      expect(res.status, `${method} ${p}`).toBe(403);
      expect(res.body).not.toContain('<?xml');
    }
    const still = await t.portal.deps.blobs.head(bucket, path.split('/').slice(3).join('/'));
    expect(still?.size).toBe(Buffer.byteLength(body));
  });

  it('refuses keys with .. or encoded separators before they reach the engine', async () => {
    const { body, upload } = await fresh();
    const { path, search } = pathOf(upload);
    const bucket = t.portal.deps.config.SAMPLES_BUCKET;
    for (const p of [
      `${path}/../../../../escape`,
      `${path}%2F..%2F..%2Fescape`,
      `${path}%2f..%2f..%2fescape`,
      `/_s3/${bucket}/samples/demo/..%2F..%2F..%2Fescape`,
      `/_s3/${bucket}/samples%5c..%5cescape`,
      `/_s3/${bucket}/%2e%2e/escape`,
      `/_s3/../${bucket}/x`,
    ]) {
      const res = await put(upload, body, upload.uploadHeaders, `${p}${search}`);
      expect(res.status, p).toBe(403);
    }
  });

  it('keeps the engine itself off the portal port and behind a secret path on loopback', async () => {
    const endpoint = new URL(t.portal.deps.config.S3_ENDPOINT as string);
    expect(endpoint.hostname).toBe('127.0.0.1');
    expect(endpoint.port).not.toBe(String(t.portal.port));
    const guessed = await fetch(`${endpoint.origin}/${t.portal.deps.config.SAMPLES_BUCKET}`);
    expect(guessed.status).toBe(403);
  });
});
