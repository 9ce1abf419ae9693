import { createHash } from 'node:crypto';

/**
 * S3's documented request rules that the embedded engine (s3rver) does not enforce, as pure
 * checks over one outgoing request. The table with every rule's source is docs/s3-rules.md.
 */

/** What S3 would answer: the HTTP status, the error code and a message naming the rule. */
export interface S3Refusal {
  status: number;
  code: string;
  message: string;
}

/** One request as the rules see it: the SDK operation, its bucket, and the HTTP request. */
export interface RuleRequest {
  /** The SDK command name without `Command`, e.g. `PutObject`. */
  operation: string;
  bucket?: string;
  key?: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** What the rules know about the buckets and the engine. */
export interface RuleOptions {
  /** Buckets with Object Lock and a default retention (the reports bucket). */
  objectLockBuckets: readonly string[];
  /** True for the embedded engine, which stores an aws-chunked body's framing as data. */
  storesChunkedFraming: boolean;
}

const refuse = (status: number, code: string, message: string): S3Refusal => ({
  status,
  code,
  message,
});

/** Writes that upload object bytes (the ones Object Lock's checksum rule covers). */
const uploads = new Set(['PutObject', 'UploadPart']);
/** Writes that accept If-None-Match (only `*`) and If-Match. */
const conditionalWrites = new Set(['PutObject', 'CompleteMultipartUpload']);
/** Writes that take no conditional headers at all. */
const unconditionalWrites = new Set(['CreateMultipartUpload', 'UploadPart', 'UploadPartCopy']);

const checksumHeader = (headers: Record<string, string>) =>
  Object.keys(headers).some((h) => h.startsWith('x-amz-checksum-') && h !== 'x-amz-checksum-type');

/**
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (Content-MD5: "required for
 * any request to upload an object with a retention period configured using Amazon S3 Object
 * Lock") and https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html.
 */
function objectLockChecksum(r: RuleRequest, o: RuleOptions): S3Refusal | undefined {
  if (!uploads.has(r.operation) || !r.bucket || !o.objectLockBuckets.includes(r.bucket)) return;
  if (r.headers['content-md5'] || checksumHeader(r.headers) || r.headers['x-amz-trailer']) return;
  return refuse(
    400,
    'InvalidRequest',
    'Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters',
  );
}

/**
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html: If-None-Match
 * on a write expects `*`; CreateMultipartUpload, UploadPart and UploadPartCopy accept no
 * conditional headers (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes-enforce.html).
 */
function conditionalHeaders(r: RuleRequest): S3Refusal | undefined {
  const noneMatch = r.headers['if-none-match'];
  const match = r.headers['if-match'];
  if (conditionalWrites.has(r.operation) && noneMatch !== undefined && noneMatch.trim() !== '*') {
    return refuse(
      501,
      'NotImplemented',
      `A header you provided implies functionality that is not implemented: If-None-Match on ${r.operation} expects '*'`,
    );
  }
  if (unconditionalWrites.has(r.operation) && (noneMatch !== undefined || match !== undefined)) {
    return refuse(
      501,
      'NotImplemented',
      `A header you provided implies functionality that is not implemented: ${r.operation} accepts no conditional headers`,
    );
  }
  return undefined;
}

/**
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html: a streamed body
 * with a trailing checksum is aws-chunked; S3 decodes it, the embedded engine stores the framing.
 */
function chunkedFraming(r: RuleRequest, o: RuleOptions): S3Refusal | undefined {
  if (!o.storesChunkedFraming) return;
  const encoding = r.headers['content-encoding'] ?? '';
  const sha = r.headers['x-amz-content-sha256'] ?? '';
  if (
    !/aws-chunked/i.test(encoding) &&
    !sha.startsWith('STREAMING-') &&
    !r.headers['x-amz-trailer']
  )
    return;
  return refuse(
    501,
    'NotImplemented',
    'aws-chunked bodies (streamed trailer checksums) would be stored with their framing by the embedded engine: send the checksum as a header',
  );
}

/**
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html: S3
 * compares a checksum sent as a header with the bytes it received (BadDigest when they differ).
 * Checked for buffered bodies and the two digests Node computes (SHA-256, MD5).
 */
function checksumMatches(r: RuleRequest): S3Refusal | undefined {
  const bytes =
    typeof r.body === 'string'
      ? Buffer.from(r.body)
      : r.body instanceof Uint8Array
        ? r.body
        : undefined;
  if (!bytes) return;
  const digest = (alg: string) => createHash(alg).update(bytes).digest('base64');
  const sha = r.headers['x-amz-checksum-sha256'];
  if (sha !== undefined && sha !== digest('sha256'))
    return refuse(
      400,
      'BadDigest',
      'The SHA256 you specified did not match the calculated checksum.',
    );
  const md5 = r.headers['content-md5'];
  if (md5 !== undefined && md5 !== digest('md5'))
    return refuse(
      400,
      'BadDigest',
      'The Content-MD5 you specified did not match what we received.',
    );
  return undefined;
}

/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html: user metadata ≤ 2 KB. */
export function metadataSize(headers: Record<string, string>): S3Refusal | undefined {
  let bytes = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-amz-meta-'))
      bytes += Buffer.byteLength(name.slice('x-amz-meta-'.length)) + Buffer.byteLength(value);
  }
  if (bytes <= 2048) return undefined;
  return refuse(
    400,
    'MetadataTooLarge',
    'Your metadata headers exceed the maximum allowed metadata size.',
  );
}

/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html: keys ≤ 1,024 bytes. */
function keyLength(r: RuleRequest): S3Refusal | undefined {
  if (!r.key || Buffer.byteLength(r.key) <= 1024) return undefined;
  return refuse(400, 'KeyTooLongError', 'Your key is too long.');
}

/** The first rule `request` breaks, or undefined when S3 would accept it. */
export function checkRequest(request: RuleRequest, options: RuleOptions): S3Refusal | undefined {
  return (
    keyLength(request) ??
    objectLockChecksum(request, options) ??
    conditionalHeaders(request) ??
    chunkedFraming(request, options) ??
    checksumMatches(request) ??
    metadataSize(request.headers)
  );
}
