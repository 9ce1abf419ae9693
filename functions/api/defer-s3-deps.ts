import { loadOnce } from '../lib/load-once';
import type { S3Deps } from './s3-deps';

/**
 * S3 deps whose module (and the S3 client with it) loads on the first call of any of them: a
 * request that only reads DynamoDB (the assessment queue, a decision) never compiles the S3 SDK.
 * Every member is asynchronous, so each forwards once the load has settled.
 */
export function deferS3Deps(load: () => Promise<S3Deps>): S3Deps {
  const get = loadOnce(load);
  const blobs = async () => (await get()).blobs;
  const multipart = async () => (await get()).multipart;
  return {
    blobs: {
      head: async (...args) => (await blobs()).head(...args),
      stream: async (...args) => (await blobs()).stream(...args),
      streamRange: async (...args) => (await blobs()).streamRange(...args),
      getText: async (bucket, key) => (await blobs()).getText(bucket, key),
      putNew: async (bucket, key, body, options) =>
        (await blobs()).putNew(bucket, key, body, options),
      put: async (bucket, key, body, options) => (await blobs()).put(bucket, key, body, options),
      delete: async (bucket, key) => (await blobs()).delete(bucket, key),
    },
    presigner: async (request) => (await get()).presigner(request),
    partPresigner: async (request) => (await get()).partPresigner(request),
    multipart: {
      create: async (bucket, key, options) => (await multipart()).create(bucket, key, options),
      listParts: async (target) => (await multipart()).listParts(target),
      complete: async (target, parts) => (await multipart()).complete(target, parts),
      abort: async (target) => (await multipart()).abort(target),
    },
  };
}
