import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type BucketProps,
  type CfnBucket,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** Options for a private bucket with the house defaults. */
export interface SecureBucketOptions {
  /** Bucket that receives this bucket's server access logs (under `<logPrefix>/`). */
  readonly accessLogs?: IBucket;
  readonly logPrefix?: string;
  /** Fixed CloudFormation logical id, so refactors never replace a bucket holding data. */
  readonly logicalId?: string;
  /** Days before non-current versions are expired. */
  readonly noncurrentVersionDays?: number;
  /** Days before unfinished multipart uploads are aborted (default 1). */
  readonly abortIncompleteUploadDays?: number;
  readonly extra?: Partial<BucketProps>;
}

/**
 * A private bucket: Block Public Access, TLS only, SSE-S3, versioned, retained, incomplete
 * multipart uploads aborted (after a day unless told) and old versions expired.
 */
export function secureBucket(
  scope: Construct,
  id: string,
  options: SecureBucketOptions = {},
): Bucket {
  const bucket = new Bucket(scope, id, {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: BucketEncryption.S3_MANAGED,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    removalPolicy: RemovalPolicy.RETAIN,
    serverAccessLogsBucket: options.accessLogs,
    serverAccessLogsPrefix: options.accessLogs ? `${options.logPrefix ?? id}/` : undefined,
    lifecycleRules: [
      {
        id: 'hygiene',
        abortIncompleteMultipartUploadAfter: Duration.days(options.abortIncompleteUploadDays ?? 1),
        noncurrentVersionExpiration: Duration.days(options.noncurrentVersionDays ?? 30),
      },
    ],
    ...options.extra,
  });
  if (options.logicalId)
    (bucket.node.defaultChild as CfnBucket).overrideLogicalId(options.logicalId);
  return bucket;
}
