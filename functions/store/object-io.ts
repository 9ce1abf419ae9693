import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { NotFoundError } from '../lib/errors';
import type { BlobStore } from './blob-types';
import {
  checkPinned,
  isPreconditionFailed,
  type ObjectPin,
  pinParams,
  StaleObjectError,
} from './object-pin';

/** A failed If-Match becomes StaleObjectError; anything else is rethrown as it is. */
function stale(error: unknown, key: string): unknown {
  return isPreconditionFailed(error)
    ? new StaleObjectError(`The object ${key} changed since its upload was analyzed.`, {
        cause: error,
      })
    : error;
}

/** True for S3's "no such object" answers (GetObject's NoSuchKey, HeadObject's bare 404). */
export const isMissing = (error: unknown) =>
  error instanceof NoSuchKey ||
  error instanceof NotFound ||
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;

/**
 * The body's SHA-256, sent as a header (never a streamed trailer: the embedded engine would
 * store aws-chunked framing as data). Every body here is in memory, so it is known before the
 * PUT; Object-Lock buckets refuse PUTs without one. Presigned URLs stay checksum-free.
 */
export function checksumHeader(chunks: readonly (string | Uint8Array)[]) {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return { ChecksumAlgorithm: 'SHA256' as const, ChecksumSHA256: hash.digest('base64') };
}

/** The reads and the plain write of the blob store: no delete, no conditional write. */
export type ObjectIo = Pick<BlobStore, 'head' | 'stream' | 'streamRange' | 'getText' | 'put'>;

/**
 * Pinned reads (version and ETag, StaleObjectError on other bytes) and checksummed writes over
 * the S3 API. The blob store adds its delete and create-if-absent on top; the distributed steps
 * that never delete use this alone, so their bundles hold no DeleteObject call.
 */
export function createObjectIo(s3: Pick<S3Client, 'send'>): ObjectIo {
  async function read(bucket: string, key: string, range?: string, pin?: ObjectPin) {
    try {
      const out = await s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, Range: range, ...pinParams(pin) }),
      );
      try {
        checkPinned(pin, out.ETag, key);
      } catch (error) {
        (out.Body as { destroy?: () => void } | undefined)?.destroy?.();
        throw error;
      }
      return out.Body as AsyncIterable<Uint8Array>;
    } catch (error) {
      if (isMissing(error))
        throw new NotFoundError('The stored object does not exist.', { cause: error });
      throw stale(error, key);
    }
  }
  const io: ObjectIo = {
    async head(bucket, key, pin) {
      try {
        const out = await s3.send(
          new HeadObjectCommand({ Bucket: bucket, Key: key, ...pinParams(pin) }),
        );
        checkPinned(pin, out.ETag, key);
        return {
          size: out.ContentLength ?? 0,
          etag: out.ETag,
          versionId: out.VersionId,
          contentType: out.ContentType,
          metadata: out.Metadata ?? {},
        };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw stale(error, key);
      }
    },
    stream: (bucket, key, pin) => read(bucket, key, undefined, pin),
    streamRange: (bucket, key, start, endInclusive, pin) =>
      read(bucket, key, `bytes=${start}-${endInclusive}`, pin),
    async getText(bucket, key) {
      const chunks: Buffer[] = [];
      for await (const chunk of await io.stream(bucket, key)) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString('utf8');
    },
    async put(bucket, key, body, options) {
      const chunked = Array.isArray(body);
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: chunked ? Readable.from(body) : (body as string | Uint8Array),
          ContentLength: chunked ? body.reduce((n, c) => n + c.length, 0) : undefined,
          ContentType: options.contentType,
          Metadata: options.metadata,
          ...checksumHeader(chunked ? body : [body as string | Uint8Array]),
        }),
      );
    },
  };
  return io;
}
