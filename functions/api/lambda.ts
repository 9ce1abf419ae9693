import { SESv2Client } from '@aws-sdk/client-sesv2';
import { handle } from 'hono/aws-lambda';
import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { consoleMailer, sesMailer } from '../lib/mailers';
import { createApp } from './app';
import { createStaffVerifier, remoteKeys } from './auth/staff-jwt';
import { buildDeps } from './build-deps';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, { fn: 'api' });
const deps = buildDeps(config, defaultAwsClients(config), {
  logger,
  mailer: config.MAIL_FROM
    ? sesMailer(new SESv2Client({ region: config.AWS_REGION }), config.MAIL_FROM)
    : consoleMailer(logger),
  verifyStaff: createStaffVerifier({
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    // loadConfig guarantees AUTH_JWKS_URL in aws mode.
    keys: remoteKeys(config.AUTH_JWKS_URL ?? ''),
  }),
});

/** The API Gateway (HTTP API v2) entry point. */
export const handler = handle(createApp(deps));
