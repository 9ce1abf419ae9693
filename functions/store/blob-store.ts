import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ConflictError } from '../lib/errors';
import type { BlobStore } from './blob-types';
import { checksumHeader, createObjectIo } from './object-io';

export type { BlobHead, BlobStore, PutOptions } from './blob-types';

/** A BlobStore over the real S3 API (AWS or s3rver). */
export function createBlobStore(s3: Pick<S3Client, 'send'>): BlobStore {
  const io = createObjectIo(s3);
  const store: BlobStore = {
    ...io,
    async putNew(bucket, key, body, options) {
      if (await io.head(bucket, key))
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
  };
  return store;
}
