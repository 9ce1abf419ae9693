/**
 * Multipart uploads without the SDK: S3's limits, the calls the API makes, the parts S3 holds.
 * Routes and services import these; only `multipart.ts` (the S3 implementation) loads the SDK.
 */

/** S3's multipart limits: parts of 5 MiB to 5 GiB (the last may be smaller), at most 10,000. */
export const multipartLimits = {
  minPartBytes: 5 * 1024 ** 2,
  maxPartBytes: 5 * 1024 ** 3,
  maxParts: 10_000,
} as const;

/** A part S3 already holds. */
export interface StoredPart {
  partNumber: number;
  etag: string;
  sizeBytes: number;
}

/** Where a multipart upload lives. */
export interface MultipartTarget {
  bucket: string;
  key: string;
  uploadId: string;
}

/** The S3 multipart calls the API makes (presigning the parts is `PartPresigner`). */
export interface MultipartUploads {
  /** Starts an upload; the object gets this type and metadata when completed. */
  create(
    bucket: string,
    key: string,
    options: { contentType: string; metadata: Record<string, string> },
  ): Promise<string>;
  /** Parts uploaded so far in part order; undefined when the upload no longer exists. */
  listParts(target: MultipartTarget): Promise<StoredPart[] | undefined>;
  /** Joins the parts into the object (ETags as S3 returned them). */
  complete(target: MultipartTarget, parts: { partNumber: number; etag: string }[]): Promise<void>;
  /** Discards the upload and its parts; an unknown upload is not an error. */
  abort(target: MultipartTarget): Promise<void>;
}

/** The same ETag whether or not it carries S3's surrounding quotes. */
export function bareETag(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}
