import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../functions/lib/config';
import { createS3Client, s3RulesEnabled } from '../../../functions/lib/s3-client';
import { browserCannotSend } from '../../../functions/lib/s3-rules-presign';
import { createPresigner } from '../../../functions/store/presign';

const reports = 'diligence-reports';
const samples = 'diligence-samples';

/** A client with the rules (local mode) whose HTTP handler records requests and answers 200. */
function client(env: Record<string, string> = { S3_ENDPOINT: 'http://127.0.0.1:9' }) {
  const s3 = createS3Client(loadConfig(env), { maxAttempts: 1 });
  const sent: { method: string; path: string; headers: Record<string, string>; body: unknown }[] =
    [];
  s3.config.requestHandler = {
    handle: async (request: {
      method: string;
      path: string;
      headers: Record<string, string>;
      body: unknown;
    }) => {
      sent.push(request);
      if (request.body instanceof Readable) for await (const _ of request.body);
      const body = Readable.from([Buffer.from('<CompleteMultipartUploadResult/>')]);
      return { response: { statusCode: 200, headers: { etag: '"e"' }, body } };
    },
  } as unknown as S3Client['config']['requestHandler'];
  return { s3, sent };
}

/** Adds `headers` to every request of `s3` (for headers no command input can set). */
function withHeaders(s3: S3Client, headers: Record<string, string>) {
  s3.middlewareStack.add(
    (next) => async (args) => {
      Object.assign((args.request as { headers: Record<string, string> }).headers, headers);
      return next(args);
    },
    { step: 'build', name: 'testHeaders' },
  );
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64');
const report = JSON.stringify({ risk: { score: 42 } });

// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html: Content-MD5 "is required for
// any request to upload an object with a retention period configured using Amazon S3 Object Lock".
describe('S3 rules: Object Lock (the reports bucket)', () => {
  it('refuses the report PUT as rescore sent it before (no Content-MD5, no x-amz-checksum-*)', async () => {
    const { s3, sent } = client();
    const put = new PutObjectCommand({
      Bucket: reports,
      Key: 'reports/o/a/v000001.json',
      Body: report,
      ContentType: 'application/json',
      IfNoneMatch: '*',
    });
    await expect(s3.send(put)).rejects.toMatchObject({
      name: 'InvalidRequest',
      $metadata: { httpStatusCode: 400 },
    });
    expect(sent).toEqual([]);
  });

  it('accepts it with a SHA-256 checksum header, or Content-MD5', async () => {
    const { s3, sent } = client();
    const key = 'reports/o/a/v000001.json';
    await s3.send(
      new PutObjectCommand({
        Bucket: reports,
        Key: key,
        Body: report,
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: sha256(report),
      }),
    );
    const md5 = createHash('md5').update(report).digest('base64');
    await s3.send(
      new PutObjectCommand({ Bucket: reports, Key: key, Body: report, ContentMD5: md5 }),
    );
    expect(sent.map((r) => r.headers['x-amz-checksum-sha256'] ?? r.headers['content-md5'])).toEqual(
      [sha256(report), md5],
    );
  });

  it('refuses a checksum header that does not match the body (BadDigest)', async () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
    const { s3 } = client();
    const put = new PutObjectCommand({
      Bucket: reports,
      Key: 'k',
      Body: report,
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: sha256('something else'),
    });
    await expect(s3.send(put)).rejects.toMatchObject({ name: 'BadDigest' });
  });

  it('lets plain PUTs to buckets without Object Lock through', async () => {
    const { s3, sent } = client();
    await s3.send(new PutObjectCommand({ Bucket: samples, Key: 'k', Body: 'x' }));
    expect(sent).toHaveLength(1);
  });
});

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html and
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes-enforce.html
describe('S3 rules: conditional writes', () => {
  it('refuses If-None-Match with anything but *', async () => {
    const { s3, sent } = client();
    const put = (IfNoneMatch: string) =>
      s3.send(new PutObjectCommand({ Bucket: samples, Key: 'k', Body: 'x', IfNoneMatch }));
    await expect(put('"abc"')).rejects.toMatchObject({
      name: 'NotImplemented',
      $metadata: { httpStatusCode: 501 },
    });
    await put('*');
    const complete = new CompleteMultipartUploadCommand({
      Bucket: samples,
      Key: 'k',
      UploadId: 'u',
      IfNoneMatch: '"abc"',
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"e"' }] },
    });
    await expect(s3.send(complete)).rejects.toMatchObject({ name: 'NotImplemented' });
    expect(sent).toHaveLength(1);
  });

  it('refuses conditional headers on UploadPart', async () => {
    const { s3, sent } = client();
    withHeaders(s3, { 'if-match': '"e"' });
    const part = new UploadPartCommand({
      Bucket: samples,
      Key: 'k',
      UploadId: 'u',
      PartNumber: 1,
      Body: 'x',
    });
    await expect(s3.send(part)).rejects.toMatchObject({ name: 'NotImplemented' });
    expect(sent).toEqual([]);
  });
});

describe('S3 rules: the embedded engine and other limits', () => {
  const streamed = (s3: S3Client) =>
    s3.send(
      new PutObjectCommand({
        Bucket: samples,
        Key: 'k',
        Body: Readable.from([Buffer.from('abc')]),
        ContentLength: 3,
        ChecksumAlgorithm: 'CRC32',
      }),
    );

  it('refuses a streamed trailer checksum where the engine would store the aws-chunked framing', async () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
    const local = client();
    await expect(streamed(local.s3)).rejects.toMatchObject({ name: 'NotImplemented' });
    expect(local.sent).toEqual([]);
    const real = client({ S3_RULES: 'on' });
    await streamed(real.s3);
    expect(real.sent[0]?.headers['content-encoding']).toContain('aws-chunked');
  });

  it('refuses user metadata over 2 KB and keys over 1,024 bytes', async () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
    const { s3 } = client();
    const big = new PutObjectCommand({
      Bucket: samples,
      Key: 'k',
      Body: 'x',
      Metadata: { a: 'x'.repeat(2048) },
    });
    await expect(s3.send(big)).rejects.toMatchObject({ name: 'MetadataTooLarge' });
    const long = new PutObjectCommand({ Bucket: samples, Key: 'k'.repeat(1025), Body: 'x' });
    await expect(s3.send(long)).rejects.toMatchObject({ name: 'KeyTooLongError' });
  });

  it('are on locally and off in AWS unless S3_RULES says otherwise', () => {
    expect(s3RulesEnabled({ DILIGENCE_MODE: 'local' })).toBe(true);
    expect(s3RulesEnabled({ DILIGENCE_MODE: 'aws' })).toBe(false);
    expect(s3RulesEnabled({ DILIGENCE_MODE: 'local', S3_RULES: 'off' })).toBe(false);
    expect(s3RulesEnabled({ DILIGENCE_MODE: 'aws', S3_RULES: 'on' })).toBe(true);
  });
});

// https://fetch.spec.whatwg.org/#forbidden-request-header: a page cannot set these headers.
describe('S3 rules: presigned upload URLs', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const request = {
    bucket: samples,
    key: 'samples/o/a/s',
    contentType: 'application/jsonl',
    contentLength: 1234,
    metadata: { sha: 'x' },
    expiresInSeconds: 900,
    now,
  };

  it('accept what presign.ts signs, and a signed If-None-Match: *', async () => {
    const { s3 } = client();
    await expect(createPresigner(s3)(request)).resolves.toMatchObject({ headers: {} });
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: samples, Key: 'k', ContentLength: 3, IfNoneMatch: '*' }),
      { signableHeaders: new Set(['content-length', 'if-none-match']), signingDate: now },
    );
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe(
      'content-length;host;if-none-match',
    );
  });

  it('refuse a signed header a browser cannot send', async () => {
    const { s3 } = client();
    withHeaders(s3, { expect: '100-continue' });
    const sign = getSignedUrl(s3, new PutObjectCommand({ Bucket: samples, Key: 'k' }), {
      signableHeaders: new Set(['expect']),
    });
    await expect(sign).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    expect(
      ['host', 'content-length', 'if-none-match', 'x-amz-meta-sha'].map(browserCannotSend),
    ).toEqual([false, false, false, false]);
    expect(['sec-fetch-mode', 'proxy-authorization', 'cookie'].every(browserCannotSend)).toBe(true);
  });

  it('refuse a checksum computed at signing time, and one PUT over 5 GB', async () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html (5 GB per PUT)
    const { s3 } = client();
    const withChecksum = new PutObjectCommand({
      Bucket: samples,
      Key: 'k',
      ChecksumAlgorithm: 'CRC32',
    });
    await expect(getSignedUrl(s3, withChecksum)).rejects.toMatchObject({ name: 'BadDigest' });
    const huge = createPresigner(s3)({ ...request, contentLength: 5 * 1024 ** 3 + 1 });
    await expect(huge).rejects.toMatchObject({ name: 'EntityTooLarge' });
  });
});
