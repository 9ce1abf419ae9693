/**
 * What each function's code calls, and on which keys: the single source of its IAM grants.
 * `test/infra/access.test.ts` checks this map against the SDK commands each entry point bundles
 * and against the synthesized policies, so a grant can neither lag behind nor exceed the code.
 */

/**
 * Item-level DynamoDB actions the repositories use: never Scan, DeleteItem or batch writes (samples
 * and references are retired with a tombstone, so the append-only audit trail cannot be erased).
 * UpdateItem serves counters and progress; BatchGetItem reads the two rate-limit windows at once
 * (the API only: the other functions build their repositories without the failure counters).
 */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:Query'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:BatchGetItem';
/**
 * Object-level S3 actions (HeadObject is authorized as GetObject; CreateMultipartUpload, UploadPart
 * and CompleteMultipartUpload as PutObject). A read naming a VersionId needs GetObjectVersion, a
 * delete naming one DeleteObjectVersion.
 */
export type ObjectAction =
  | 's3:GetObject'
  | 's3:GetObjectVersion'
  | 's3:PutObject'
  | 's3:DeleteObject'
  | 's3:DeleteObjectVersion'
  | 's3:AbortMultipartUpload'
  | 's3:ListMultipartUploadParts';

/** Bucket-level listings of the samples bucket (granted on the bucket ARN, not its objects). */
export type ListingAction = 's3:ListBucketVersions' | 's3:ListBucketMultipartUploads';

/** Object actions on the keys under one prefix of a bucket. */
export interface PrefixGrant {
  readonly prefix: string;
  readonly actions: readonly ObjectAction[];
}

/** Everything one function may touch. */
export interface FunctionAccess {
  readonly table: readonly TableAction[];
  readonly samples: readonly PrefixGrant[];
  readonly reports: readonly PrefixGrant[];
  /** Sends e-mail through SES when a sender is configured. */
  readonly mail: boolean;
  /** Starts executions of the distributed-analysis state machine (states:StartExecution). */
  readonly startsWorkflow?: boolean;
  /** Asks for re-scores: sqs:SendMessage on the re-score queue (infra/constructs/rescore.ts). */
  readonly sendsRescores?: boolean;
  /** Signs report bundles: kms:Sign and kms:GetPublicKey on the signing keys (report-signing.ts). */
  readonly signsReports?: boolean;
  /**
   * Webhook signing secrets (webhook-secrets.ts): `seal` = kms:Encrypt (the API, at registration),
   * `open` = kms:Decrypt (the delivery worker, to sign).
   */
  readonly webhookSecrets?: 'seal' | 'open';
  /** Listings of the samples bucket (the orphan sweep). */
  readonly samplesListing?: readonly ListingAction[];
}

const ITEMS: readonly TableAction[] = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];
/** Marking a sample failed: uploads and assessment read, upload saved, outbox added to. */
const FAILURE_TABLE: readonly TableAction[] = ['dynamodb:GetItem', 'dynamodb:PutItem'];
const READ: readonly ObjectAction[] = ['s3:GetObject'];
/** Reads of an upload are pinned to the version its analysis read (see store/object-pin.ts). */
const READ_PINNED: readonly ObjectAction[] = ['s3:GetObject', 's3:GetObjectVersion'];
const READ_WRITE: readonly ObjectAction[] = ['s3:GetObject', 's3:PutObject'];

/**
 * The analysis outputs beside an upload: written, and deleted again when the sample was deleted
 * during its analysis (store-result.ts). Never read by the writers: the re-score worker and the
 * API read them.
 */
const OUTPUTS: readonly ObjectAction[] = ['s3:PutObject', 's3:DeleteObject'];

/**
 * The distributed analysis (infra/constructs/distributed.ts). Its working objects live under
 * distributed/; the final merge reads the group merges' blocks there and deletes the run's
 * working objects once the analysis is stored (it writes none).
 */
const WORK: PrefixGrant = { prefix: 'distributed/', actions: ['s3:GetObject', 's3:DeleteObject'] };
const DISTRIBUTED = {
  /**
   * Reads the sample record (store/upload-readers.ts: GetItem only), probes the upload, writes
   * the manifest.
   */
  distributedPlan: {
    table: ['dynamodb:GetItem'],
    samples: [
      { prefix: 'samples/', actions: READ_PINNED },
      { prefix: 'distributed/', actions: ['s3:PutObject'] },
    ],
    reports: [],
    mail: false,
  },
  /** Reads one byte range of the upload, writes its partial; no table access at all. */
  distributedFold: {
    table: [],
    samples: [
      { prefix: 'samples/', actions: READ_PINNED },
      { prefix: 'distributed/', actions: ['s3:PutObject'] },
    ],
    reports: [],
    mail: false,
  },
  /**
   * Reads manifest, Map results and one group's partials, writes its blocks; no table access.
   * GetObjectVersion: it bundles the pinned reads of store/object-io.ts (it never names a version).
   */
  distributedGroup: {
    table: [],
    // It reads through the pinned reads of store/object-io.ts, whose GetObject may name a version.
    samples: [{ prefix: 'distributed/', actions: [...READ_PINNED, 's3:PutObject'] }],
    reports: [],
    mail: false,
  },
  /**
   * Merges the group merges' blocks, reads example texts from the upload, stores the analysis,
   * asks for a re-score.
   */
  distributedMerge: {
    table: ITEMS,
    samples: [
      { prefix: 'samples/', actions: READ_PINNED },
      { prefix: 'analyses/', actions: OUTPUTS },
      { prefix: 'partials/', actions: OUTPUTS },
      WORK,
    ],
    reports: [],
    mail: false,
    sendsRescores: true,
  },
  /**
   * The workflow's catch: marks the sample failed and notifies vendor and procurement (reads and
   * compare-and-set puts: store/failure-repositories.ts).
   */
  distributedFail: { table: FAILURE_TABLE, samples: [], reports: [], mail: true },
} as const satisfies Record<string, FunctionAccess>;

/** Per-function access, keyed by function. */
export const ACCESS = {
  /**
   * Presigns uploads under samples/, reads analyses and partials, stores and reads reports. It reads
   * an uploaded sample's first records to check a corrected field mapping, and deletes a sample's
   * objects when the vendor deletes or replaces it (a delete marker: the bucket is versioned).
   * Big samples upload in parts: it starts, lists, completes and aborts those uploads. It only
   * reads reports: the re-score worker writes them.
   */
  api: {
    // BatchGetItem: the vendor failure limiter reads both windows of a client in one call.
    table: [...ITEMS, 'dynamodb:BatchGetItem'],
    samples: [
      {
        prefix: 'samples/',
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:PutObject',
          's3:DeleteObject',
          's3:AbortMultipartUpload',
          's3:ListMultipartUploadParts',
        ],
      },
      { prefix: 'analyses/', actions: ['s3:GetObject', 's3:DeleteObject'] },
      { prefix: 'partials/', actions: ['s3:GetObject', 's3:DeleteObject'] },
      // A deleted fingerprint pack's stored hashes.
      { prefix: 'fingerprints/', actions: ['s3:DeleteObject'] },
    ],
    reports: [{ prefix: 'reports/', actions: READ }],
    mail: true,
    sendsRescores: true,
    // Report bundles are signed on download; the JWKS reads the public keys.
    signsReports: true,
    // Webhook secrets are sealed at registration; the API never reads one back.
    webhookSecrets: 'seal',
  },
  /**
   * Reads uploads (pinned), writes analyses and partials beside them (and deletes them again when
   * the sample was deleted during its analysis), and asks for a re-score (the worker reads them).
   */
  analyze: {
    table: ITEMS,
    samples: [
      // Fingerprint uploads (samples/<org>/fingerprints/) are deleted once read, every version
      // (functions/analyze/fingerprint-upload.ts): a corpus's text must not survive in old versions.
      {
        prefix: 'samples/',
        actions: [...READ_PINNED, 's3:DeleteObject', 's3:DeleteObjectVersion'],
      },
      { prefix: 'analyses/', actions: OUTPUTS },
      { prefix: 'partials/', actions: OUTPUTS },
      // The validated or built (hash-only) fingerprint packs.
      { prefix: 'fingerprints/', actions: ['s3:PutObject'] },
    ],
    reports: [],
    mail: false,
    startsWorkflow: true,
    sendsRescores: true,
    // ListObjectVersions: the versions of a fingerprint upload, to delete each one.
    samplesListing: ['s3:ListBucketVersions'],
  },
  /**
   * The re-score worker: reads analyses and partials, stores report versions. It bundles the blob
   * store, whose one delete is for distributed/ working objects, and whose reads can name a
   * version (GetObjectVersion, granted on analyses/): both granted once, never used.
   */
  rescore: {
    table: ITEMS,
    samples: [
      { prefix: 'analyses/', actions: READ_PINNED },
      { prefix: 'partials/', actions: READ },
      { prefix: 'distributed/', actions: ['s3:DeleteObject'] },
      // Fingerprint packs matched at report time (services/pack-matches.ts).
      { prefix: 'fingerprints/', actions: READ },
    ],
    reports: [{ prefix: 'reports/', actions: READ_WRITE }],
    mail: false,
  },
  ...DISTRIBUTED,
  /** Marks dead-lettered samples failed and notifies vendor and procurement (as distributedFail). */
  deadLetters: { table: FAILURE_TABLE, samples: [], reports: [], mail: true },
  /**
   * Due-date reminders: queries due assessments, claims and records each reminder with
   * conditional puts (store/reminder-repositories.ts).
   */
  notify: { table: ['dynamodb:PutItem', 'dynamodb:Query'], samples: [], reports: [], mail: true },
  /**
   * The webhook worker: reads endpoints and deliveries, claims an attempt (UpdateItem), saves the
   * outcome, pauses a failing endpoint and records its e-mail in the outbox; opens each
   * endpoint's sealed secret to sign.
   */
  webhooks: { table: ITEMS, samples: [], reports: [], mail: true, webhookSecrets: 'open' },
  /**
   * The retention sweep: queries closed assessments, deletes their samples' objects (never reads
   * them) and marks samples and assessments with compare-and-set puts.
   */
  purge: {
    table: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
    samples: [
      { prefix: 'samples/', actions: ['s3:DeleteObject'] },
      { prefix: 'analyses/', actions: ['s3:DeleteObject'] },
      { prefix: 'partials/', actions: ['s3:DeleteObject'] },
    ],
    reports: [],
    mail: false,
  },
  /**
   * The orphan sweep: lists the samples bucket's versions and multipart uploads, reads sample and
   * reference items (store/upload-readers.ts) and its cursors (GetItem, PutItem), and removes
   * versions and uploads no live record owns.
   */
  orphans: {
    table: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    samples: [
      {
        prefix: 'samples/',
        actions: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:AbortMultipartUpload'],
      },
      { prefix: 'analyses/', actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'] },
      { prefix: 'partials/', actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'] },
    ],
    reports: [],
    mail: false,
    samplesListing: ['s3:ListBucketVersions', 's3:ListBucketMultipartUploads'],
  },
} as const satisfies Record<string, FunctionAccess>;

/** A function name in ACCESS. */
export type FunctionName = keyof typeof ACCESS;
