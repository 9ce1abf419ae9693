import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  NoSuchUpload,
  type S3Client,
} from '@aws-sdk/client-s3';

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

/** Multipart calls over the real S3 API. */
export function createMultipartUploads(s3: S3Client): MultipartUploads {
  return {
    async create(bucket, key, options) {
      const out = await s3.send(
        new CreateMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          ContentType: options.contentType,
          Metadata: options.metadata,
        }),
      );
      if (!out.UploadId) throw new Error('S3 returned no upload id');
      return out.UploadId;
    },
    async listParts(t) {
      const parts: StoredPart[] = [];
      let marker: string | undefined;
      try {
        do {
          const out = await s3.send(
            new ListPartsCommand({
              Bucket: t.bucket,
              Key: t.key,
              UploadId: t.uploadId,
              PartNumberMarker: marker,
            }),
          );
          for (const p of out.Parts ?? []) {
            parts.push({
              partNumber: p.PartNumber ?? 0,
              etag: bareETag(p.ETag ?? ''),
              sizeBytes: p.Size ?? 0,
            });
          }
          marker = out.IsTruncated ? out.NextPartNumberMarker : undefined;
        } while (marker);
      } catch (error) {
        if (error instanceof NoSuchUpload || (error as Error).name === 'NoSuchUpload') {
          return undefined;
        }
        throw error;
      }
      return parts.sort((a, b) => a.partNumber - b.partNumber);
    },
    async complete(t, parts) {
      await s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: t.bucket,
          Key: t.key,
          UploadId: t.uploadId,
          MultipartUpload: {
            Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: `"${bareETag(p.etag)}"` })),
          },
        }),
      );
    },
    async abort(t) {
      try {
        await s3.send(
          new AbortMultipartUploadCommand({ Bucket: t.bucket, Key: t.key, UploadId: t.uploadId }),
        );
      } catch (error) {
        if (!(error instanceof NoSuchUpload || (error as Error).name === 'NoSuchUpload')) {
          throw error;
        }
      }
    },
  };
}
