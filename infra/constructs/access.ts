/**
 * What each function's code calls, and on which keys: the single source of its IAM grants.
 * `test/infra/access.test.ts` checks this map against the SDK commands each entry point bundles
 * and against the synthesized policies, so a grant can neither lag behind nor exceed the code.
 */

/** Item-level DynamoDB actions the repositories use (never Scan, Delete or Batch*). */
export type TableAction = 'dynamodb:GetItem' | 'dynamodb:PutItem' | 'dynamodb:Query';
/** Object-level S3 actions (HeadObject is authorized as GetObject). */
export type ObjectAction = 's3:GetObject' | 's3:PutObject';

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
}

const ITEMS: readonly TableAction[] = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'];
const READ: readonly ObjectAction[] = ['s3:GetObject'];
const READ_WRITE: readonly ObjectAction[] = ['s3:GetObject', 's3:PutObject'];

/** Per-function access, keyed by function. */
export const ACCESS = {
  /** Presigns uploads under samples/ (write only), reads analyses and partials, stores and reads reports. */
  api: {
    table: ITEMS,
    samples: [
      { prefix: 'samples/', actions: ['s3:PutObject'] },
      { prefix: 'analyses/', actions: READ },
      { prefix: 'partials/', actions: READ },
    ],
    reports: [{ prefix: 'reports/', actions: READ_WRITE }],
    mail: true,
  },
  /** Reads uploads, writes analyses and partials beside them, re-scores into reports/. */
  analyze: {
    table: ITEMS,
    samples: [
      { prefix: 'samples/', actions: READ },
      { prefix: 'analyses/', actions: READ_WRITE },
      { prefix: 'partials/', actions: READ_WRITE },
    ],
    reports: [{ prefix: 'reports/', actions: READ_WRITE }],
    mail: false,
  },
  /** Marks dead-lettered samples failed and notifies vendor and procurement. */
  deadLetters: { table: ITEMS, samples: [], reports: [], mail: true },
  /** Due-date reminders. */
  notify: { table: ITEMS, samples: [], reports: [], mail: true },
} as const satisfies Record<string, FunctionAccess>;

/** A function name in ACCESS. */
export type FunctionName = keyof typeof ACCESS;
