import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../lib/config';
import { lambdaObservability, observed } from '../lib/lambda-observability';
import { consoleMailer, lazySesMailer } from '../lib/mailers';
import { awsWebhookQueue } from '../webhooks/queue';
import { createStaffVerifier, remoteKeys } from './auth/staff-jwt';
import { createLazyApp } from './lazy-app';
import { bypassResponse, createOriginGuard, extensionSecret } from './origin-guard';
import { buildShellDeps } from './shell-deps';

const config = loadConfig();
const observability = lambdaObservability(config);
const { logger } = observability;
const shell = buildShellDeps(config, {
  logger,
  mailer: config.MAIL_FROM
    ? lazySesMailer(config.AWS_REGION, config.MAIL_FROM, config.MAIL_CONFIGURATION_SET)
    : consoleMailer(logger),
  // Events wake the webhook worker through SQS (the client loads with the first message).
  webhookQueue: awsWebhookQueue(config),
  verifyStaff: createStaffVerifier({
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    // loadConfig guarantees AUTH_JWKS_URL in aws mode.
    keys: remoteKeys(config.AUTH_JWKS_URL ?? ''),
  }),
});
// Routers load per path on first use, the AWS SDK with the first router that needs data (see
// lazy-app.ts): the cold start pays for what it serves.
const app = handle(
  createLazyApp(shell, async () => (await import('./lambda-data')).lambdaDataDeps(config)),
);

// The origin secret is read from Secrets Manager on the first request and kept (origin-guard.ts).
const fromCloudFront = config.ORIGIN_SECRET_ARN
  ? createOriginGuard(
      extensionSecret({
        secretArn: config.ORIGIN_SECRET_ARN,
        port: config.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT,
        sessionToken: config.AWS_SESSION_TOKEN ?? '',
      }),
    )
  : async () => true;

/** The API Gateway (HTTP API v2) entry point; only requests CloudFront forwarded reach the app. */
export const handler = observed(
  observability,
  async (...[event, context]: Parameters<typeof app>) => {
    if (!(await fromCloudFront(event.headers))) return bypassResponse;
    return app(event, context);
  },
);
