import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ConflictError, NotFoundError } from '../lib/errors';
import {
  checkPinned,
  isPreconditionFailed,
  type ObjectPin,
  pinParams,
  StaleObjectError,
} from './object-pin';

/** What a stored object's head tells. */
export interface BlobHead {
  size: number;
  etag?: string;
  /** The version read (versioned buckets in AWS); absent locally. */
  versionId?: string;
  contentType?: string;
  metadata: Record<string, string>;
}

/** Object storage the app uses: the samples and reports buckets. */
/** With a `pin`, reads name the version and ETag and fail with StaleObjectError on other bytes. */
export interface BlobStore {
  head(bucket: string, key: string, pin?: ObjectPin): Promise<BlobHead | undefined>;
  stream(bucket: string, key: string, pin?: ObjectPin): Promise<AsyncIterable<Uint8Array>>;
  /** Streams bytes [start, endInclusive] of an object (an S3 GetObject Range request). */
  streamRange(
    bucket: string,
    key: string,
    start: number,
    endInclusive: number,
    pin?: ObjectPin,
  ): Promise<AsyncIterable<Uint8Array>>;
  getText(bucket: string, key: string): Promise<string>;
  /**
   * Writes once (with the body's SHA-256 as a header, as `put`): an existing key is a
   * ConflictError (reports are never overwritten).
   */
  putNew(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options: PutOptions,
  ): Promise<void>;
  /**
   * Writes (or replaces) an object with the body's SHA-256 as a header; a list of chunks is
   * streamed in order, never joined.
   */
  put(
    bucket: string,
    key: string,
    body: string | Uint8Array | readonly Uint8Array[],
    options: PutOptions,
  ): Promise<void>;
  /** Removes an object (a delete marker in a versioned bucket); a missing key is not an error. */
  delete(bucket: string, key: string): Promise<void>;
}

/** Content type and user metadata of a write. */
export interface PutOptions {
  contentType: string;
  metadata?: Record<string, string>;
}

/** A failed If-Match becomes StaleObjectError; anything else is rethrown as it is. */
function stale(error: unknown, key: string): unknown {
  return isPreconditionFailed(error)
    ? new StaleObjectError(`The object ${key} changed since its upload was analyzed.`, {
        cause: error,
      })
    : error;
}

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey ||
  error instanceof NotFound ||
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;

/**
 * The body's SHA-256, sent as a header (never a streamed trailer: the embedded engine would
 * store aws-chunked framing as data). Every body here is in memory, so it is known before the
 * PUT; Object-Lock buckets refuse PUTs without one. Presigned URLs stay checksum-free.
 */
function checksumHeader(chunks: readonly (string | Uint8Array)[]) {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return { ChecksumAlgorithm: 'SHA256' as const, ChecksumSHA256: hash.digest('base64') };
}

/** A BlobStore over the real S3 API (AWS or s3rver). */
export function createBlobStore(s3: Pick<S3Client, 'send'>): BlobStore {
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
  const store: BlobStore = {
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
      for await (const chunk of await store.stream(bucket, key)) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString('utf8');
    },
    async putNew(bucket, key, body, options) {
      if (await store.head(bucket, key))
        throw new ConflictError('The object already exists and is immutable.');
      try {
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentType: options.contentType,
            Metadata: options.metadata,
            IfNoneMatch: '*',
            ...checksumHeader([body]),
          }),
        );
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata
          ?.httpStatusCode;
        if (status === 412 || status === 409) {
          throw new ConflictError('The object already exists and is immutable.', { cause: error });
        }
        throw error;
      }
    },
    async delete(bucket, key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
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
  return store;
}
