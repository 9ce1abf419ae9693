import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/lib/aws-clients';
import { createS3Guard } from '../../functions/local/s3-guard';
import { invitedAssessment, json, startTestPortal, type TestPortal } from '../api/harness';
import { MiB, multipartEnv, registerBig } from '../api/multipart-helpers';
import { raw, register, sampleJsonl, type Upload } from './upload';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal(multipartEnv);
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
      live: async () => undefined,
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

describe('the guard and multipart part uploads (UploadPart)', () => {
  /** A sample registered for a multipart upload (8 parts), and a part URL for `body`. */
  async function partTarget(body: string, partNumber = 1, now = new Date()) {
    const { id, token } = await invitedAssessment(t, proc);
    const reg = await registerBig(t, token, Buffer.alloc(40 * MiB));
    const { deps } = t.portal;
    const bucket = deps.config.SAMPLES_BUCKET;
    const key = `samples/demo/${id}/${reg.sampleId}`;
    const { uploadId } = reg.upload;
    const signed = await deps.partPresigner({
      bucket,
      key,
      uploadId,
      partNumber,
      contentLength: Buffer.byteLength(body),
      expiresInSeconds: 900,
      now,
    });
    return {
      id,
      token,
      reg,
      bucket,
      key,
      uploadId,
      signed,
      url: new URL(signed.url, 'http://x'),
    };
  }
  const putPart = (path: string, body: string) => raw(t.portal.url, { method: 'PUT', path, body });
  const at = (u: URL) => `${u.pathname}${u.search}`;
  const body = '{"text":"part one of a big sample"}\n';

  it('presigns a part URL with no checksum, bound to length, part number and upload', async () => {
    const { signed, url, uploadId } = await partTarget(body, 7);
    expect(signed.headers).toEqual({});
    expect(url.searchParams.get('partNumber')).toBe('7');
    expect(url.searchParams.get('uploadId')).toBe(uploadId);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;host');
    const names = [...url.searchParams.keys()].map((k) => k.toLowerCase());
    expect(names.filter((k) => k.includes('checksum'))).toEqual([]);
  });

  it('accepts the part PUT as issued; S3 then lists the part with the ETag it returned', async () => {
    const { bucket, key, uploadId, url } = await partTarget(body);
    const res = await putPart(at(url), body);
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    const etag = String(res.headers.etag).replace(/"/g, '');
    const parts = await t.portal.deps.multipart.listParts({ bucket, key, uploadId });
    expect(parts).toEqual([{ partNumber: 1, etag, sizeBytes: Buffer.byteLength(body) }]);
  });

  it('refuses a tampered signature, another part number, another upload and another key', async () => {
    const a = await partTarget(body);
    const b = await partTarget(body);
    const sig = a.url.searchParams.get('X-Amz-Signature') as string;
    const tampered = new URL(a.url);
    tampered.searchParams.set(
      'X-Amz-Signature',
      `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`,
    );
    const renumbered = new URL(a.url);
    renumbered.searchParams.set('partNumber', '2');
    const otherUpload = new URL(a.url);
    otherUpload.searchParams.set('uploadId', b.uploadId);
    const otherKey = `${b.url.pathname}${a.url.search}`;
    for (const path of [at(tampered), at(renumbered), at(otherUpload), otherKey]) {
      expect((await putPart(path, body)).status, path).toBe(403);
    }
    expect(await t.portal.deps.multipart.listParts(a)).toEqual([]);
  });

  it('refuses an expired part URL, another length, and malformed part parameters', async () => {
    const old = await partTarget(body, 1, new Date(Date.now() - 16 * 60_000));
    expect((await putPart(at(old.url), body)).status).toBe(403);
    const { url } = await partTarget(body);
    expect((await putPart(at(url), `${body} `)).status).toBe(403);
    const guard = createS3Guard({
      s3: createAwsClients(t.portal.deps.config).s3,
      samplesBucket: t.portal.deps.config.SAMPLES_BUCKET,
      clock: () => new Date(),
      live: async () => undefined,
    });
    const decide = (search: string) =>
      guard({
        method: 'PUT',
        url: `${url.pathname.replace(/^\/_s3/, '')}${search}`,
        headers: { 'content-length': String(Buffer.byteLength(body)) },
      });
    const twice = new URLSearchParams(url.search);
    twice.append('partNumber', '2');
    const noNumber = new URLSearchParams(url.search);
    noNumber.delete('partNumber');
    const zero = new URLSearchParams(url.search);
    zero.set('partNumber', '0');
    const tooMany = new URLSearchParams(url.search);
    tooMany.set('partNumber', '10001');
    for (const q of [twice, noNumber, zero, tooMany]) {
      expect(await decide(`?${q}`)).toEqual({ allow: false, reason: 'malformed part upload' });
    }
    // A part signature does not authorize a whole-object PUT of the key.
    const whole = new URLSearchParams(url.search);
    whole.delete('partNumber');
    whole.delete('uploadId');
    expect((await decide(`?${whole}`)).allow).toBe(false);
  });

  it('lets no one create, complete, list or abort uploads through the public path', async () => {
    const { url, uploadId, key, bucket } = await partTarget(body);
    expect((await putPart(at(url), body)).status).toBe(200);
    for (const [method, search] of [
      ['POST', '?uploads'],
      ['POST', `?uploadId=${uploadId}`],
      ['GET', `?uploadId=${uploadId}`],
      ['DELETE', `?uploadId=${uploadId}`],
      ['GET', '?uploads'],
    ] as const) {
      const res = await raw(t.portal.url, { method, path: `${url.pathname}${search}` });
      expect(res.status, `${method} ${search}`).toBe(403);
    }
    expect(await t.portal.deps.multipart.listParts({ bucket, key, uploadId })).toHaveLength(1);
  });
});
