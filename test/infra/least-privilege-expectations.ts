/**
 * What `least-privilege.test.ts` accepts beyond "granted = called": each entry is an
 * `<action> <resource>` grant (resources as `role-grants.ts` names them) with its reason.
 */

/** The Lambda functions and the logical id of each one's role. */
export const ROLES = {
  api: 'ApiFunctionRole',
  analyze: 'AnalyzerAnalyzeRole',
  deadLetters: 'AnalyzerDeadLettersRole',
  notify: 'NotifierNotifyRole',
  purge: 'RetentionPurgeRole',
  distributedPlan: 'DistributedPlanRole',
  distributedFold: 'DistributedFoldRole',
  distributedMerge: 'DistributedMergeRole',
  distributedGroup: 'DistributedGroupRole',
  distributedFail: 'DistributedFailRole',
  rescore: 'RescoreWorkerRole',
  orphans: 'RetentionOrphansRole',
} as const;

/** A function name in ROLES. */
export type Fn = keyof typeof ROLES;

/** Grants the platform uses with the function's role, though its code never calls them. */
export const PLATFORM: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /^kms:(Sign|GetPublicKey) ReportSigningKey\w*$/,
    reason:
      'report bundles are signed by KMS only in AWS; the flows run the local runtime, which signs with the key under DATA_DIR (test/unit/signing runs the KMS signer against a fake KMS)',
  },
  {
    pattern: /^kms:Encrypt WebhookSecretsKey\w*$/,
    reason:
      'webhook secrets are sealed by KMS only in AWS; the flows run the local runtime, which seals with the key under DATA_DIR (test/unit/webhooks/secret-sealers.test.ts runs the KMS sealer against a fake KMS)',
  },
  {
    pattern: /^logs:(CreateLogStream|PutLogEvents) \w+Logs\w*$/,
    reason: 'the Lambda runtime writes the function’s log group with its role',
  },
  {
    pattern: /^xray:(PutTraceSegments|PutTelemetryRecords) \*$/,
    reason: 'active tracing: the runtime and the Powertools tracer send segments with the role',
  },
  {
    pattern:
      /^sqs:(ReceiveMessage|DeleteMessage|ChangeMessageVisibility|GetQueueAttributes|GetQueueUrl) (Analyzer\w*Queue|RescoreQueue)\w*$/,
    reason: 'the SQS event source mapping polls and deletes the function’s messages with its role',
  },
  {
    pattern: /^secretsmanager:(GetSecretValue|DescribeSecret) OriginSecret\w*$/,
    reason:
      'the Parameters and Secrets extension reads the origin secret with the role (origin-guard.ts asks it over localhost, not the SDK)',
  },
  {
    pattern: /^s3:ListBucket (SamplesBucket|ReportsBucket)$/,
    reason:
      'beside s3:GetObject, ListBucket makes a missing key answer 404 NoSuchKey (which the code handles) instead of 403',
  },
];

/** Grants the code needs on a path these flows do not drive, with that path. */
export const UNREACHED: Partial<Record<Fn, { grants: string[]; path: string }>> = {
  analyze: {
    grants: ['s3:DeleteObject SamplesBucket/analyses/', 's3:DeleteObject SamplesBucket/partials/'],
    path: 'store-result.ts: a sample deleted during its analysis has this run’s outputs deleted',
  },
  distributedMerge: {
    grants: ['s3:DeleteObject SamplesBucket/analyses/', 's3:DeleteObject SamplesBucket/partials/'],
    path: 'store-result.ts (shared with the analyzer): a sample deleted during its analysis',
  },
  api: {
    grants: ['sqs:SendMessage AnalyzerQueueA0A1A6DC', 'sqs:SendMessage WebhooksQueueCBC86013'],
    path: 'reanalysis.ts: a field-mapping change queues the stored file for analysis again (the flows change no mapping); webhook-events.ts: an event for a registered endpoint wakes the webhook worker (the flows register none)',
  },
  orphans: {
    grants: ['s3:AbortMultipartUpload SamplesBucket/samples/'],
    path: 'orphans.ts: a stale multipart upload is aborted; the engine cannot list uploads (least-privilege-s3.ts answers none)',
  },
};

/** Why a repository-bundle over-grant stays: access.test.ts holds a role to its bundle. */
const BUNDLED = (what: string) =>
  `the entry bundles ${what}; access.test.ts grants every command a bundle constructs, so the grant goes when the bundle stops holding it (a smaller repository module)`;

/** Purge saves through assessments.ts and samples.ts, which also hold counters and tombstones. */
const PURGE_REPOSITORIES = BUNDLED(
  'assessments.ts and samples.ts (slot counters, tombstones, report summaries: UpdateItem); its own writes are compare-and-set puts',
);

/**
 * Every read of an upload names the version its analysis pinned (object-pin.ts), which S3
 * authorizes as s3:GetObjectVersion alone; the unpinned read is for an engine without versions.
 */
const PINNED =
  'every read of an upload is pinned (GetObjectVersion); access.test.ts maps GetObject/HeadObject to both actions, so s3:GetObject stays for reads without a version (local engine only)';

/**
 * Over-grants found by this test that remain, each with its reason. Listed so any new over-grant
 * fails; a listed grant that is gone or called fails too (shrink the list).
 */
export const OVER_GRANTED: Partial<Record<Fn, { grant: string; reason: string }[]>> = {
  api: [{ grant: 's3:GetObject SamplesBucket/samples/', reason: PINNED }],
  analyze: [
    {
      grant: 's3:DeleteObject SamplesBucket/samples/',
      reason:
        'access.test.ts maps DeleteObjects to DeleteObject and DeleteObjectVersion; the fingerprint upload purge (store/object-versions.ts) always names each version, so only DeleteObjectVersion is used',
    },
  ],
  purge: [{ grant: 'dynamodb:UpdateItem Table', reason: PURGE_REPOSITORIES }],
  distributedPlan: [{ grant: 's3:GetObject SamplesBucket/samples/', reason: PINNED }],
  distributedFold: [{ grant: 's3:GetObject SamplesBucket/samples/', reason: PINNED }],
  distributedGroup: [
    {
      grant: 's3:GetObjectVersion SamplesBucket/distributed/',
      reason: BUNDLED('store/object-io.ts, whose reads name a version when pinned'),
    },
  ],
  distributedMerge: [{ grant: 's3:GetObject SamplesBucket/samples/', reason: PINNED }],
  rescore: [
    {
      grant: 's3:DeleteObject SamplesBucket/distributed/',
      reason: BUNDLED('store/blob-store.ts for putNew (report versions), beside its delete'),
    },
    {
      grant: 's3:GetObjectVersion SamplesBucket/analyses/',
      reason: BUNDLED('store/blob-store.ts, whose reads name a version when pinned'),
    },
  ],
  orphans: [
    ...['samples', 'analyses', 'partials'].map((prefix) => ({
      grant: `s3:DeleteObject SamplesBucket/${prefix}/`,
      reason:
        'every DeleteObjects entry names a version (s3:DeleteObjectVersion); access.test.ts maps DeleteObjects to both actions',
    })),
  ],
};
