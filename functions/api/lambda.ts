import { handle } from 'hono/aws-lambda';
import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { createApp } from './app';
import { createStaffVerifier, remoteKeys } from './auth/staff-jwt';
import { buildDeps } from './build-deps';

const config = loadConfig();
const deps = buildDeps(config, defaultAwsClients(config), {
  logger: createLogger(config.LOG_LEVEL, { fn: 'api' }),
  verifyStaff: createStaffVerifier({
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    // loadConfig guarantees AUTH_JWKS_URL in aws mode.
    keys: remoteKeys(config.AUTH_JWKS_URL ?? ''),
  }),
});

/** The API Gateway (HTTP API v2) entry point. */
export const handler = handle(createApp(deps));
