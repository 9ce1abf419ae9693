import { handle } from 'hono/aws-lambda';
import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { consoleMailer, lazySesMailer } from '../lib/mailers';
import { createStaffVerifier, remoteKeys } from './auth/staff-jwt';
import { buildDeps } from './build-deps';
import { createLazyApp } from './lazy-app';
import { bypassResponse, cameThroughCloudFront } from './origin-guard';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, { fn: 'api' });
const deps = buildDeps(config, defaultAwsClients(config), {
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
// Routers load per path on first use (see lazy-app.ts): the cold start pays for what it serves.
const app = handle(createLazyApp(deps));

/** The API Gateway (HTTP API v2) entry point; only requests CloudFront forwarded reach the app. */
export async function handler(...[event, context]: Parameters<typeof app>) {
  if (!cameThroughCloudFront(event.headers, config.ORIGIN_VERIFY_SECRET)) return bypassResponse;
  return app(event, context);
}
