import type { ObjectPin } from './object-pin';

/** What a stored object's head tells. */
export interface BlobHead {
  size: number;
  etag?: string;
  /** The version read (versioned buckets in AWS); absent locally. */
  versionId?: string;
  contentType?: string;
  metadata: Record<string, string>;
}

/**
 * Object storage the app uses: the samples and reports buckets. With a `pin`, reads name the
 * version and ETag and fail with StaleObjectError on other bytes.
 */
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
