import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from './blob-store';

/**
 * Only the delete of a BlobStore, for functions that may delete objects but never read or write
 * them (the retention sweep): its bundle then carries DeleteObject alone, and so does its role.
 */
export function createObjectDeleter(s3: Pick<S3Client, 'send'>): Pick<BlobStore, 'delete'> {
  return {
    async delete(bucket, key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
