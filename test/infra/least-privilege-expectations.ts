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
};

/**
 * Over-grants found by this test that no branch removes yet. Each role takes the table actions
 * its bundled repositories construct (access.test.ts checks grants against the bundle), and the
 * shared repositories construct more than these handlers call; per-function repository sets in
 * the lambda entries, then narrower grants in infra/constructs/access.ts, remove them. Listed so
 * any new over-grant fails; a listed grant that is gone or called fails too (shrink the list).
 */
export const OVER_GRANTED: Partial<Record<Fn, string[]>> = {
  deadLetters: ['dynamodb:Query Table', 'dynamodb:UpdateItem Table'],
  distributedFail: ['dynamodb:Query Table', 'dynamodb:UpdateItem Table'],
  notify: ['dynamodb:GetItem Table', 'dynamodb:UpdateItem Table'],
  purge: ['dynamodb:UpdateItem Table'],
  distributedMerge: ['dynamodb:UpdateItem Table', 's3:PutObject SamplesBucket/distributed/'],
};
