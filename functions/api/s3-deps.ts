import type { S3Client } from '@aws-sdk/client-s3';
import { createBlobStore } from '../store/blob-store';
import { createMultipartUploads } from '../store/multipart';
import type { MultipartUploads } from '../store/multipart-contract';
import { createPartPresigner, createPresigner } from '../store/presign';
import type { DataDeps } from './env';
import type { DepsOptions } from './shell-deps';

/** The data deps that stand on S3. */
export type S3Deps = Pick<DataDeps, 'blobs' | 'presigner' | 'multipart' | 'partPresigner'>;

/** Blob store, presigners and multipart calls over `s3()`, read on each call (so built on first use). */
export function buildS3Deps(
  s3: () => S3Client,
  options: Pick<DepsOptions, 'rewriteUploadUrl' | 'multipart'> = {},
): S3Deps {
  return {
    blobs: createBlobStore({
      get send() {
        const client = s3();
        return client.send.bind(client);
      },
    }),
    presigner: (request) => createPresigner(s3(), options.rewriteUploadUrl)(request),
    multipart: (options.multipart ?? ((m) => m))(lazyMultipart(s3)),
    partPresigner: (request) => createPartPresigner(s3(), options.rewriteUploadUrl)(request),
  };
}

/** Multipart calls over an S3 client built only when the first call needs it. */
function lazyMultipart(s3: () => S3Client): MultipartUploads {
  let built: MultipartUploads | undefined;
  const get = () => {
    built ??= createMultipartUploads(s3());
    return built;
  };
  return {
    create: (bucket, key, options) => get().create(bucket, key, options),
    listParts: (target) => get().listParts(target),
    complete: (target, parts) => get().complete(target, parts),
    abort: (target) => get().abort(target),
  };
}
