import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../lib/config';
import { createS3Client } from '../lib/s3-client';
import { buildS3Deps, type S3Deps } from './s3-deps';

/** The API Lambda's S3 deps; `lambda-data.ts` imports this module on the first S3 call. */
export function lambdaS3Deps(config: Config): S3Deps {
  let s3: S3Client | undefined;
  return buildS3Deps(() => {
    s3 ??= createS3Client(config);
    return s3;
  });
}
