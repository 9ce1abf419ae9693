import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type CfnTable, Table } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { TableRef } from './function';
import { secureBucket } from './secure-bucket';

/** Props of the data layer. */
export interface StorageProps {
  /** Default Object Lock retention of stored reports, in days. */
  readonly reportRetentionDays?: number;
  /** Object Lock mode of stored reports (default GOVERNANCE; see docs/deploying.md). */
  readonly reportLockMode?: ReportLockMode;
  /**
   * Backstop for assessments never decided: days after upload that samples, their analyses and
   * partials are deleted whatever happens (default 365). Decided ones go earlier (Retention).
   */
  readonly abandonedSampleRetentionDays?: number;
  /** Days access logs are kept. */
  readonly accessLogDays?: number;
  /** Days a big sample's unfinished (resumable) multipart upload is kept before it is aborted. */
  readonly incompleteUploadDays?: number;
}

/**
 * GOVERNANCE: no one can change or delete a locked report version unless they hold
 * `s3:BypassGovernanceRetention` (which no role in this stack has), so an administrator can still
 * honor a court order or an erasure request. COMPLIANCE: no one, root included, until it expires.
 */
export type ReportLockMode = 'GOVERNANCE' | 'COMPLIANCE';

/** Key prefixes of the samples bucket that hold vendor data and expire together. */
export const SAMPLE_DATA_PREFIXES = ['samples/', 'analyses/', 'partials/'] as const;

/** Days a failed distributed run's working objects are kept for the operator to inspect. */
export const DISTRIBUTED_WORKING_DAYS = 14;

/** Secondary indexes of the single table (the store's key builders rely on these names). */
export const TABLE_INDEXES = ['GSI1', 'GSI2'] as const;

/** The single DynamoDB table, the samples and reports buckets, and the access-log bucket. */
export class Storage extends Construct {
  readonly table: Table;
  /** The table with its index names, for `DiligenceFunction.bindTable`. */
  readonly tableRef: TableRef;
  readonly samples: Bucket;
  readonly reports: Bucket;
  /** Receives S3 server access logs and CloudFront standard logs. */
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: StorageProps = {}) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'PK', type: AttributeType.STRING },
      sortKey: { name: 'SK', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Rate-limit counters (functions/store/rate-limits.ts) carry `ttl`; locally a sweep honours it.
      timeToLiveAttribute: 'ttl',
    });
    for (const name of TABLE_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: name,
        partitionKey: { name: `${name}PK`, type: AttributeType.STRING },
        sortKey: { name: `${name}SK`, type: AttributeType.STRING },
      });
    }
    (this.table.node.defaultChild as CfnTable).overrideLogicalId('Table');
    this.tableRef = { table: this.table, indexNames: TABLE_INDEXES };

    // Not built with secureBucket: a log bucket must not log into itself, and CloudFront
    // standard logging still needs ACLs (BUCKET_OWNER_PREFERRED).
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-logs',
          expiration: Duration.days(props.accessLogDays ?? 365),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    (this.accessLogs.node.defaultChild as CfnBucket).overrideLogicalId('AccessLogsBucket');

    this.samples = secureBucket(this, 'Samples', {
      accessLogs: this.accessLogs,
      logPrefix: 'samples',
      logicalId: 'SamplesBucket',
      // Big samples upload in parts and resume after interruptions: their parts are kept a week.
      abortIncompleteUploadDays: props.incompleteUploadDays ?? 7,
    });
    this.reports = secureBucket(this, 'Reports', {
      accessLogs: this.accessLogs,
      logPrefix: 'reports',
      logicalId: 'ReportsBucket',
      extra: {
        objectLockEnabled: true,
        objectLockDefaultRetention: (props.reportLockMode === 'COMPLIANCE'
          ? ObjectLockRetention.compliance
          : ObjectLockRetention.governance)(Duration.days(props.reportRetentionDays ?? 365)),
      },
    });
    // Samples may hold personal data. The retention sweep deletes them a set time after the
    // decision; this rule is the backstop for assessments never decided: each upload and what was
    // derived from it expire together, and deleted versions go a day later.
    const retention = Duration.days(props.abandonedSampleRetentionDays ?? 365);
    for (const prefix of SAMPLE_DATA_PREFIXES) {
      this.samples.addLifecycleRule({
        id: `retention-${prefix.slice(0, -1)}`,
        prefix,
        expiration: retention,
        noncurrentVersionExpiration: Duration.days(1),
      });
    }
    // A version's delete leaves a delete marker; once the noncurrent versions behind it have
    // expired (or the orphan sweep removed them) the lone marker goes too.
    this.samples.addLifecycleRule({
      id: 'expired-delete-markers',
      expiredObjectDeleteMarker: true,
    });
    // A distributed analysis deletes its working objects (manifest, range partials, map results)
    // when it merges; a failed run leaves them, and they hold data derived from the sample.
    this.samples.addLifecycleRule({
      id: 'distributed-working-objects',
      prefix: 'distributed/',
      expiration: Duration.days(DISTRIBUTED_WORKING_DAYS),
      noncurrentVersionExpiration: Duration.days(1),
    });
  }

  /** Lets browsers on `origin` PUT samples straight to the bucket through presigned URLs. */
  allowBrowserUploads(origin: string): void {
    this.samples.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [HttpMethods.PUT],
      // If-None-Match: * is signed into every sample PUT (conditional write: no replacement).
      allowedHeaders: ['content-type', 'content-length', 'if-none-match', 'x-amz-*'],
      exposedHeaders: ['ETag'],
      maxAge: 3600,
    });
  }
}
