import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { parseUploadKey } from '../analyze/uploads';
import { sampleContentTypes } from '../api/routes/vendor/schemas';
import { parsePackUploadKey } from '../store/fingerprint-packs';
import { uploadPartCommand } from '../store/presign';
import { checkSignedHeaders } from './guard-headers';
import type { PartRef, Staleness } from './upload-liveness';

/**
 * What the guard decided: forward to the engine under `path` with exactly `headers` (an
 * allow-list; `host` is set by the forwarder), or refuse with a reason (logged) and a status.
 */
export type GuardDecision =
  | { allow: true; path: string; headers: Record<string, string> }
  | { allow: false; reason: string; status?: 403 | 412 };

/** The request as the guard sees it (path and query after the `/_s3` mount point). */
export interface GuardRequest {
  method: string;
  /** Raw (still percent-encoded) path and query, e.g. `/bucket/samples/…?X-Amz-…`. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** What the guard needs: the presigning client (same credentials and endpoint), bucket and clock. */
export interface S3GuardOptions {
  s3: S3Client;
  samplesBucket: string;
  clock: () => Date;
  /** Whether the URL's sample is still the live registration awaiting this upload (DynamoDB). */
  live: (bucket: string, key: string, part?: PartRef) => Promise<Staleness>;
}

const refuse = (reason: string, status?: 403 | 412): GuardDecision =>
  status ? { allow: false, reason, status } : { allow: false, reason };
const required = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
];
/** Clock skew tolerated for a signing date in the future. */
const skewMs = 5 * 60_000;

/** `20260101T120000Z` as a Date; undefined when malformed. */
function amzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? undefined : v;
}

/** Rejects paths that could leave the bucket or smuggle a separator past the engine. */
function safePath(rawPath: string): string[] | undefined {
  if (/%2f|%5c|%2e|%00|\\/i.test(rawPath)) return undefined;
  const segments = rawPath.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return segments;
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The part of a presigned UploadPart URL (`?partNumber=&uploadId=`): undefined for a whole-object
 * PUT, `malformed` when either is missing, repeated or out of range.
 */
function uploadPart(query: URLSearchParams) {
  const numbers = query.getAll('partNumber');
  const ids = query.getAll('uploadId');
  if (numbers.length === 0 && ids.length === 0) return undefined;
  if (numbers.length !== 1 || ids.length !== 1) return 'malformed' as const;
  const [n, uploadId] = [numbers[0] as string, ids[0] as string];
  if (!/^[1-9]\d{0,4}$/.test(n) || Number(n) > 10_000) return 'malformed' as const;
  if (!/^[A-Za-z0-9._-]{1,1024}$/.test(uploadId)) return 'malformed' as const;
  return { partNumber: Number(n), uploadId };
}

/** Compares the request's signature with `resign` (the same request signed with our key). */
async function signatureMatches(
  resign: () => Promise<string>,
  query: URLSearchParams,
): Promise<boolean> {
  const expected = new URL(await resign()).searchParams.get('X-Amz-Signature');
  return Boolean(expected) && sameSignature(expected ?? '', query.get('X-Amz-Signature') ?? '');
}

/**
 * Guards the embedded S3 engine mounted on the portal: only a PUT of a sample key with a valid,
 * unexpired SigV4 presigned signature over its content length, type and `If-None-Match: *` passes,
 * or a PUT of one part of a multipart upload (UploadPart) presigned over its content length; any
 * `x-amz-*` header the signature does not cover is refused, as S3 does; and only while the URL's
 * sample is the live registration awaiting that upload (`live`). The signature is checked by
 * re-signing the same request with the SDK presigner and the portal's own credentials.
 */
export function createS3Guard(options: S3GuardOptions) {
  return async (req: GuardRequest): Promise<GuardDecision> => {
    if (req.method !== 'PUT') return refuse(`method ${req.method} is not allowed`);
    const q = req.url.indexOf('?');
    const rawPath = q < 0 ? req.url : req.url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
    const segments = safePath(rawPath);
    if (!segments) return refuse('unsafe path');
    const [bucket, ...rest] = segments;
    const key = rest.map((s) => decodeURIComponent(s)).join('/');
    if (bucket !== options.samplesBucket || !(parseUploadKey(key) || parsePackUploadKey(key)))
      return refuse('not a sample key');
    if (required.some((name) => query.getAll(name).length !== 1)) return refuse('not presigned');
    if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return refuse('unknown algorithm');
    const part = uploadPart(query);
    if (part === 'malformed') return refuse('malformed part upload');
    const signed = (query.get('X-Amz-SignedHeaders') ?? '').split(';');
    const headerProblem = checkSignedHeaders(req.headers, signed, part ? 'part' : 'object');
    if (headerProblem) return refuse(headerProblem);
    const date = amzDate(query.get('X-Amz-Date') ?? '');
    const expires = Number(query.get('X-Amz-Expires'));
    if (!date || !Number.isInteger(expires) || expires <= 0) return refuse('malformed signature');
    const now = options.clock().getTime();
    if (now > date.getTime() + expires * 1000) return refuse('expired');
    if (date.getTime() > now + skewMs) return refuse('signed in the future');
    if (req.headers['transfer-encoding']) return refuse('chunked upload');
    const length = header(req.headers, 'content-length');
    if (!length || !/^\d+$/.test(length)) return refuse('no content length');
    if (part) {
      const command = uploadPartCommand({ bucket, key, ...part, contentLength: Number(length) });
      const resign = () =>
        getSignedUrl(options.s3, command, {
          expiresIn: expires,
          signingDate: date,
          signableHeaders: new Set(['content-length']),
        });
      if (!(await signatureMatches(resign, query))) return refuse('signature does not match');
      const stale = await options.live(bucket, key, part);
      if (stale) return refuse(stale.reason, stale.status);
      const forward = new URLSearchParams({
        partNumber: String(part.partNumber),
        uploadId: part.uploadId,
      });
      return { allow: true, path: `${rawPath}?${forward}`, headers: { 'content-length': length } };
    }
    const contentType = header(req.headers, 'content-type');
    if (!contentType || !(sampleContentTypes as readonly string[]).includes(contentType)) {
      return refuse('content type not allowed');
    }
    const metaHeaders = signed.filter((h) => h.startsWith('x-amz-meta-'));
    const metadata = Object.fromEntries(
      metaHeaders.map((h) => [h.slice('x-amz-meta-'.length), header(req.headers, h) ?? '']),
    );
    const command = new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      ContentType: contentType,
      ContentLength: Number(length),
      Metadata: metadata,
      IfNoneMatch: '*',
    });
    const resign = () =>
      getSignedUrl(options.s3, command, {
        expiresIn: expires,
        signingDate: date,
        signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
        unhoistableHeaders: new Set(metaHeaders),
      });
    if (!(await signatureMatches(resign, query))) return refuse('signature does not match');
    const stale = await options.live(bucket, key);
    if (stale) return refuse(stale.reason, stale.status);
    const forward: Record<string, string> = {
      'content-length': length,
      'content-type': contentType,
      'if-none-match': '*',
    };
    for (const [name, value] of Object.entries(metadata)) forward[`x-amz-meta-${name}`] = value;
    return { allow: true, path: rawPath, headers: forward };
  };
}
