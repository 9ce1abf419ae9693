import * as z from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const schema = z
  .object({
    DILIGENCE_MODE: z.enum(['local', 'aws']).default('local'),
    PORT: port.default(3000),
    /** Local listen address; anything but loopback exposes the portal to the network. */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Dev routes and demo seed; default on for loopback, off for any other HOST. */
    DEV_TOOLS: z.enum(['on', 'off']).optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    TABLE_NAME: z.string().min(1).default('diligence'),
    SAMPLES_BUCKET: z.string().min(1).default('diligence-samples'),
    REPORTS_BUCKET: z.string().min(1).default('diligence-reports'),
    DYNAMODB_ENDPOINT: z.url().optional(),
    S3_ENDPOINT: z.url().optional(),
    /** S3's rules the embedded engine lacks (docs/s3-rules.md); unset = on locally, off in AWS. */
    S3_RULES: z.enum(['on', 'off']).optional(),
    AUTH_ISSUER: z.string().min(1).default('diligence-local'),
    AUTH_AUDIENCE: z.string().min(1).default('diligence'),
    AUTH_JWKS_URL: z.url().optional(),
    COGNITO_DOMAIN: z.url().optional(),
    PUBLIC_BASE_URL: z.url().optional(),
    /**
     * Extra `Host` values the local portal answers (comma-separated `name[:port]`), besides
     * PUBLIC_BASE_URL's host and the loopback names; any other Host gets 421.
     */
    ALLOWED_HOSTS: z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]+(,[A-Za-z0-9.:[\]-]+)*$/, 'comma-separated host[:port] values')
      .optional(),
    /** Largest sample; unset = 5 GiB locally, 500 GiB in AWS (multipart uploads). */
    MAX_SAMPLE_BYTES: z.coerce.number().int().positive().optional(),
    /** Samples larger than this upload in parts (multipart); smaller ones in one PUT. */
    MULTIPART_THRESHOLD_BYTES: z.coerce
      .number()
      .int()
      .min(5 * 1024 ** 2)
      .default(100 * 1024 ** 2),
    /** Preferred part size (S3: 5 MiB to 5 GiB); grown when a file would need over 10,000 parts. */
    MULTIPART_PART_BYTES: z.coerce
      .number()
      .int()
      .min(5 * 1024 ** 2)
      .max(5 * 1024 ** 3)
      .default(64 * 1024 ** 2),
    VENDOR_AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(20),
    INVITE_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    MAIL_FROM: z.email().optional(),
    /** SES configuration set (bounce and complaint handling) set by the stack. */
    MAIL_CONFIGURATION_SET: z.string().min(1).optional(),
    /**
     * Secrets Manager secret whose value CloudFront sends in `x-diligence-origin`; the API Lambda
     * reads it through the Parameters and Secrets extension and refuses requests without it.
     */
    ORIGIN_SECRET_ARN: z.string().min(1).optional(),
    /** Port of that extension (it sets the default; the stack may change it). */
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port.default(2773),
    /** Set by Lambda; the extension accepts it as the caller's credential. */
    AWS_SESSION_TOKEN: z.string().min(1).optional(),
    /** Worker threads for big JSON Lines/text samples; unset = 1 (the local runtime picks its own). */
    ANALYSIS_WORKERS: z.coerce.number().int().min(1).optional(),
    /** Samples above this size fan out over shards of at most this many bytes (when workers > 1). */
    ANALYSIS_SHARD_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(64 * 1024 ** 2),
    /** Input limits of one analysis (each fails the sample with a message naming it). */
    ANALYSIS_MAX_DECOMPRESSED_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(16 * 1024 ** 3),
    ANALYSIS_MAX_LINE_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(16 * 1024 ** 2),
    ANALYSIS_MAX_COLUMNS: z.coerce.number().int().positive().default(10_000),
    ANALYSIS_MAX_DEPTH: z.coerce.number().int().positive().default(64),
    ANALYSIS_MAX_RECORDS: z.coerce.number().int().positive().default(20_000_000),
    ANALYSIS_TIME_BUDGET_SECONDS: z.coerce.number().int().positive().default(1800),
    /** Analyses run at once by the local queue (each on its own worker thread). */
    ANALYSIS_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    /** An analysis not finished after this long is considered interrupted and re-queued. */
    ANALYSIS_LEASE_SECONDS: z.coerce.number().int().positive().default(1200),
    /** Attempts before an interrupted analysis is marked failed. */
    ANALYSIS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    /** Days vendor sample data is kept after the assessment's decision (or cancellation). */
    SAMPLE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(180),
    /**
     * Samples larger than this (bytes) are analyzed by the distributed workflow when
     * DISTRIBUTED_STATE_MACHINE_ARN is set; it is also the largest gzip sample accepted then.
     * 4 GiB: one pass measured ~10 GiB in Lambda's 15 minutes (test/bench/distributed-threshold.ts),
     * so 2.5× margin; a one pass that still runs out of time is handed to the workflow.
     */
    DISTRIBUTED_THRESHOLD_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(4 * 1024 ** 3),
    /**
     * Image archives (zip, tar, tar.gz) larger than this (bytes) skip the one pass when the
     * distributed workflow is set: a zip is split into ranges of at most this size by its central
     * directory, a tar is refused with a message (it has no index to split by). 768 MiB: images
     * cost per decoded pixel (19 megapixels per CPU second measured, test/bench/images-threshold.ts),
     * which a zip's directory does not tell; at 0.15 byte per pixel (smooth pictures; photographs
     * carry 0.4) one vCPU gets through 2.1 GiB in Lambda's 15 minutes, so a 2.8× margin.
     */
    DISTRIBUTED_IMAGE_THRESHOLD_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(768 * 1024 ** 2),
    /**
     * Zip archives of images listing more entries than this skip the one pass too, and each range
     * of a split zip holds about this many entries on average. 5,000: one vCPU decodes 17
     * generator-sized (1024 × 1024) images per second (test/bench/images-threshold.ts), 14,500 in
     * Lambda's 15 minutes, so a 2.9× margin; small pictures go faster (150 per CPU second).
     */
    DISTRIBUTED_IMAGE_THRESHOLD_ENTRIES: z.coerce.number().int().positive().default(5_000),
    /** Byte range each child of the distributed fold reads (aligned to line ends). */
    DISTRIBUTED_RANGE_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(512 * 1024 ** 2),
    /** Ranges each group merge of the distributed path merges (a power of two: exact tree shape). */
    DISTRIBUTED_MERGE_GROUP_RANGES: z.coerce
      .number()
      .int()
      .positive()
      .refine((n) => (n & (n - 1)) === 0, 'must be a power of two')
      .default(32),
    /** The Step Functions state machine of the distributed path; unset = one Lambda for all sizes. */
    DISTRIBUTED_STATE_MACHINE_ARN: z.string().min(1).optional(),
    /** SQS queue of re-score requests (set by the stack); the local runtime queues in process. */
    RESCORE_QUEUE_URL: z.url().optional(),
    /** SQS queue the analyzer reads (set by the stack): re-analyses of stored files go there. */
    ANALYSIS_QUEUE_URL: z.url().optional(),
    /** SQS queue of webhook deliveries (set by the stack); locally the portal delivers in process. */
    WEBHOOK_QUEUE_URL: z.url().optional(),
    /** Webhooks to http: loopback URLs; unset = on locally, off in AWS (docs/integrations.md). */
    WEBHOOK_ALLOW_LOOPBACK: z.enum(['on', 'off']).optional(),
    /**
     * The symmetric KMS key that seals webhook signing secrets (AWS; set by the stack). Unset:
     * a key under DATA_DIR/keys/webhook-secrets seals them (local).
     */
    WEBHOOK_SECRETS_KEY_ARN: z
      .string()
      .regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[\w-]+$/, 'a KMS key ARN')
      .optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /**
     * KMS keys that sign report bundles (AWS; set by the stack), current first, as JSON
     * `[{ "arn": "arn:aws:kms:…:key/…", "notBefore"?: ISO, "notAfter"?: ISO }]`. Unset: a key
     * under DATA_DIR/keys/report-signing signs (local).
     */
    SIGNING_KEYS: z
      .preprocess(
        (v) => {
          if (typeof v !== 'string') return v;
          try {
            return JSON.parse(v);
          } catch {
            return v;
          }
        },
        z
          .array(
            z.object({
              arn: z
                .string()
                .regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[\w-]+$/, 'a KMS key ARN'),
              notBefore: z.iso.datetime().optional(),
              notAfter: z.iso.datetime().optional(),
            }),
          )
          .min(1),
      )
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DILIGENCE_MODE === 'aws' && !env.AUTH_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message: 'required when DILIGENCE_MODE=aws (the Cognito JWKS URL)',
      });
    }
  })
  .transform((env) => ({
    ...env,
    MAX_SAMPLE_BYTES:
      env.MAX_SAMPLE_BYTES ?? (env.DILIGENCE_MODE === 'aws' ? 500 * 1024 ** 3 : 5 * 1024 ** 3),
  }));

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Whether dev routes and the demo seed are on: explicit DEV_TOOLS, else only on loopback. */
export function devToolsEnabled(config: Pick<Config, 'HOST' | 'DEV_TOOLS'>): boolean {
  return config.DEV_TOOLS ? config.DEV_TOOLS === 'on' : isLoopback(config.HOST);
}

/** Validated runtime configuration: the only view of the environment the code gets. */
export type Config = z.infer<typeof schema>;

/** Raised when environment variables are missing or malformed; lists each bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses `env` (default: `process.env`) into a Config or throws ConfigError naming each variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
  );
}

const ssoSchema = z.object({
  /** Provider name of the one federated identity provider (set by the stack). */
  SSO_PROVIDER_NAME: z.string().min(1),
  /** Organization of every user that provider signs in (one provider per organization). */
  SSO_ORGANIZATION_ID: z.string().regex(/^[a-z0-9-]{1,64}$/, 'lowercase letters, digits, -'),
  /** Group → role mapping as JSON; unset = group names equal role names. */
  SSO_GROUP_ROLES: z.string().min(2).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

/** Configuration of the single sign-on Pre Token Generation trigger (functions/sso/lambda.ts). */
export type SsoConfig = z.infer<typeof ssoSchema>;

/** Parses the trigger's variables (default: `process.env`) or throws ConfigError naming each. */
export function loadSsoConfig(env: Record<string, string | undefined> = process.env): SsoConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = ssoSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
  );
}
