import { UnauthorizedError } from '../../lib/errors';
import type { ApiToken } from '../../store/api-tokens';
import type { StaffIdentity } from './identity';
import { hashSecret, secretMatches } from './vendor-token';

/** Every API token starts with this, so the middleware tells it from JWTs and vendor links. */
export const apiTokenPrefix = 'dlg_';

/** How often a token's last use is written at most. */
export const lastUseIntervalMs = 60_000;

const idPattern = /^[a-z0-9-]{1,64}$/;

/** True for a bearer value shaped like an API token (it may still be unknown, revoked or expired). */
export const isApiToken = (token: string) => token.startsWith(apiTokenPrefix);

/** Builds the token: `dlg_<organization, base64url>.<token id>.<secret>`; only the secret is secret. */
export function formatApiToken(organizationId: string, id: string, secret: string): string {
  return `${apiTokenPrefix}${Buffer.from(organizationId).toString('base64url')}.${id}.${secret}`;
}

/** Splits a token; undefined when it cannot be one of ours. */
export function parseApiToken(token: string) {
  if (!isApiToken(token)) return undefined;
  const parts = token.slice(apiTokenPrefix.length).split('.');
  if (parts.length !== 3) return undefined;
  const [org64, id, secret] = parts as [string, string, string];
  const organizationId = Buffer.from(org64, 'base64url').toString('utf8');
  if (!idPattern.test(organizationId) || !idPattern.test(id)) return undefined;
  if (!/^[A-Za-z0-9_-]{43,}$/.test(secret)) return undefined;
  return { organizationId, id, secret };
}

/** The stored form of a token's secret. */
export const apiTokenHash = hashSecret;

/** What verifying a token reads and writes. */
export interface ApiTokenDeps {
  repos: {
    apiTokens: {
      get(org: string, id: string): Promise<ApiToken | undefined>;
      touch(org: string, id: string, now: string, since: string): Promise<boolean>;
    };
  };
  clock: () => Date;
  logger?: { warn(message: string, fields?: Record<string, unknown>): void };
}

const rejected = () =>
  new UnauthorizedError(
    'This API token is not valid: it is unknown, revoked or expired. Ask an admin for a new one.',
  );

/**
 * The staff identity an API token acts as: its role in its organization, named "token <name>"
 * in the audit trail. Unknown, revoked and expired tokens are refused alike (401). Records the
 * use at most once a minute; a failed record never fails the request.
 */
export async function verifyApiToken(deps: ApiTokenDeps, token: string): Promise<StaffIdentity> {
  const parsed = parseApiToken(token);
  if (!parsed) throw rejected();
  const stored = await deps.repos.apiTokens.get(parsed.organizationId, parsed.id);
  const now = deps.clock();
  if (
    !stored ||
    !secretMatches(parsed.secret, stored.secretHash) ||
    stored.revokedAt ||
    stored.expiresAt <= now.toISOString()
  )
    throw rejected();
  const since = new Date(now.getTime() - lastUseIntervalMs).toISOString();
  if (!stored.lastUsedAt || stored.lastUsedAt < since) {
    await deps.repos.apiTokens
      .touch(stored.organizationId, stored.id, now.toISOString(), since)
      .catch((error: unknown) => deps.logger?.warn('token last use not recorded', { error }));
  }
  return {
    kind: 'staff',
    subject: `token:${stored.id}`,
    email: `token ${stored.name}`,
    role: stored.role,
    organizationId: stored.organizationId,
    token: { id: stored.id, name: stored.name },
  };
}
