import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BlobStore } from '../../store/blob-store';

/** The object access of plan, fold and group merge: read and write, never delete. */
export type WorkObjects = Pick<BlobStore, 'head' | 'stream' | 'streamRange' | 'getText' | 'put'>;

/**
 * Reads and writes objects as the blob store does, without its delete and conditional writes, so
 * the steps that never delete bundle no DeleteObject call and are granted none (access.ts).
 */
export function createWorkObjects(s3: Pick<S3Client, 'send'>): WorkObjects {
  const get = async (Bucket: string, Key: string, Range?: string) =>
    (await s3.send(new GetObjectCommand({ Bucket, Key, Range }))).Body as AsyncIterable<Uint8Array>;
  const objects: WorkObjects = {
    async head(bucket, key) {
      try {
        const out = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        const metadata = out.Metadata ?? {};
        return {
          size: out.ContentLength ?? 0,
          etag: out.ETag,
          contentType: out.ContentType,
          metadata,
        };
      } catch (error) {
        if (
          error instanceof NotFound ||
          (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404
        )
          return undefined;
        throw error;
      }
    },
    stream: (bucket, key) => get(bucket, key),
    streamRange: (bucket, key, start, end) => get(bucket, key, `bytes=${start}-${end}`),
    async getText(bucket, key) {
      const chunks: Buffer[] = [];
      for await (const chunk of await get(bucket, key)) chunks.push(Buffer.from(chunk));
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
        }),
      );
    },
  };
  return objects;
}
