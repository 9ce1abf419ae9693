import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const schema = z
  .object({
    DILIGENCE_MODE: z.enum(['local', 'aws']).default('local'),
    PORT: port.default(3000),
    DATA_DIR: z.string().min(1).default('.data'),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    TABLE_NAME: z.string().min(1).default('diligence'),
    SAMPLES_BUCKET: z.string().min(1).default('diligence-samples'),
    REPORTS_BUCKET: z.string().min(1).default('diligence-reports'),
    DYNAMODB_ENDPOINT: z.url().optional(),
    S3_ENDPOINT: z.url().optional(),
    AUTH_ISSUER: z.string().min(1).default('diligence-local'),
    AUTH_AUDIENCE: z.string().min(1).default('diligence'),
    AUTH_JWKS_URL: z.url().optional(),
    COGNITO_DOMAIN: z.url().optional(),
    PUBLIC_BASE_URL: z.url().optional(),
    MAX_SAMPLE_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(5 * 1024 ** 3),
    VENDOR_AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(20),
    INVITE_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    MAIL_FROM: z.email().optional(),
    /** SES configuration set (bounce and complaint handling) set by the stack. */
    MAIL_CONFIGURATION_SET: z.string().min(1).optional(),
    /** Value CloudFront sends in `x-diligence-origin`; the API Lambda refuses requests without it. */
    ORIGIN_VERIFY_SECRET: z.string().min(16).optional(),
    /** Worker threads for big JSON Lines/text samples; unset = 1 (the local runtime picks its own). */
    ANALYSIS_WORKERS: z.coerce.number().int().min(1).optional(),
    /** Samples above this size fan out over shards of at most this many bytes (when workers > 1). */
    ANALYSIS_SHARD_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(64 * 1024 ** 2),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.DILIGENCE_MODE === 'aws' && !env.AUTH_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message: 'required when DILIGENCE_MODE=aws (the Cognito JWKS URL)',
      });
    }
  });

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
