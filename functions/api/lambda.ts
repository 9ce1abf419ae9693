import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { consoleMailer, lazySesMailer } from '../lib/mailers';
import { createStaffVerifier, remoteKeys } from './auth/staff-jwt';
import { createLazyApp } from './lazy-app';
import { bypassResponse, cameThroughCloudFront } from './origin-guard';
import { buildShellDeps } from './shell-deps';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, { fn: 'api' });
const shell = buildShellDeps(config, {
  logger,
  mailer: config.MAIL_FROM
    ? lazySesMailer(config.AWS_REGION, config.MAIL_FROM, config.MAIL_CONFIGURATION_SET)
    : consoleMailer(logger),
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

/** The API Gateway (HTTP API v2) entry point; only requests CloudFront forwarded reach the app. */
export async function handler(...[event, context]: Parameters<typeof app>) {
  if (!cameThroughCloudFront(event.headers, config.ORIGIN_VERIFY_SECRET)) return bypassResponse;
  return app(event, context);
}
