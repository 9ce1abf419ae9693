import { metadataSize, type S3Refusal } from './s3-rules-checks';

/**
 * Rules for presigned URLs a browser will use: what it cannot send, and what S3 would then
 * refuse. Checked when the URL is made, since the refusal would only come from the browser's PUT.
 */

/** A presigned request as the SDK's presigner returns it. */
export interface PresignedRequest {
  headers: Record<string, string>;
  query: Record<string, string | string[] | null | undefined>;
}

/**
 * Forbidden request headers: a page's script cannot set them
 * (https://fetch.spec.whatwg.org/#forbidden-request-header,
 * https://developer.mozilla.org/en-US/docs/Glossary/Forbidden_request_header).
 */
const forbidden = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'permissions-policy',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);
/** Forbidden, but the browser sends them itself with the right value: the URL and the body's length. */
const sentByBrowser = new Set(['host', 'content-length']);
/** The largest object one PUT may carry (https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html). */
const maxSinglePutBytes = 5 * 1024 ** 3;

const refuse = (status: number, code: string, message: string): S3Refusal => ({
  status,
  code,
  message,
});

const first = (v: string | string[] | null | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** A header a browser cannot send, by the Fetch standard's list (and its `proxy-`/`sec-` prefixes). */
export function browserCannotSend(name: string): boolean {
  const h = name.toLowerCase();
  if (sentByBrowser.has(h)) return false;
  return forbidden.has(h) || h.startsWith('proxy-') || h.startsWith('sec-');
}

/** The first rule a presigned PUT breaks, or undefined when a browser's PUT can succeed. */
export function checkPresigned(p: PresignedRequest): S3Refusal | undefined {
  const signed = first(p.query['X-Amz-SignedHeaders']).split(';').filter(Boolean);
  const unsendable = signed.filter(browserCannotSend);
  if (unsendable.length > 0) {
    return refuse(
      403,
      'SignatureDoesNotMatch',
      `The URL signs ${unsendable.join(', ')}, which a browser cannot send (forbidden request headers)`,
    );
  }
  // A checksum computed at signing time is the checksum of an empty body: the upload would fail.
  const checksums = [...Object.keys(p.query), ...signed].filter((k) =>
    /^x-amz-(checksum-|sdk-checksum-algorithm)/i.test(k),
  );
  if (checksums.length > 0) {
    return refuse(
      400,
      'BadDigest',
      `The URL carries ${checksums[0]}, computed before the body existed (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html)`,
    );
  }
  const length = Number(p.headers['content-length'] ?? 0);
  if (length > maxSinglePutBytes) {
    return refuse(
      400,
      'EntityTooLarge',
      'Your proposed upload exceeds the maximum allowed size (5 GB in one PUT).',
    );
  }
  return metadataSize(p.headers);
}
