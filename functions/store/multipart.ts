import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  NoSuchUpload,
  type S3Client,
} from '@aws-sdk/client-s3';

import type { MultipartUploads, StoredPart } from './multipart-contract';
import { bareETag } from './multipart-contract';

export {
  bareETag,
  type MultipartTarget,
  type MultipartUploads,
  multipartLimits,
  type StoredPart,
} from './multipart-contract';

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
