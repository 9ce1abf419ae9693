import type { RouteHandler } from '@hono/zod-openapi';
import { ForbiddenError, NotFoundError } from '../../../lib/errors';
import type { ApiToken } from '../../../store/api-tokens';
import { apiTokenHash, formatApiToken } from '../../auth/api-token';
import type { StaffIdentity } from '../../auth/identity';
import type { AppEnv } from '../../env';
import type { createToken, listTokens, revokeToken } from './routes';

/** Tokens are managed by signed-in admins only: a token cannot mint or revoke tokens. */
function signedInAdmin(staff: StaffIdentity) {
  if (staff.token)
    throw new ForbiddenError('Tokens are managed by a signed-in admin, not by another token.');
}

const statusOf = (t: ApiToken, now: string) =>
  t.revokedAt ? 'revoked' : t.expiresAt <= now ? 'expired' : 'active';

/** The listed form of a token: no secret, no hash. */
function view(t: ApiToken, now: string) {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    createdAt: t.createdAt,
    createdBy: t.createdBy,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt ?? null,
    status: statusOf(t, now),
  } as const;
}

/** Mints a token, stores its hash, returns it once. */
export const createTokenHandler: RouteHandler<typeof createToken, AppEnv> = async (c) => {
  const { deps, staff, logger } = c.var;
  signedInAdmin(staff);
  const body = c.req.valid('json');
  const now = deps.clock();
  const id = deps.newId(now);
  const secret = deps.newSecret();
  const expiresAt = new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString();
  await deps.repos.apiTokens.create({
    organizationId: staff.organizationId,
    id,
    name: body.name,
    role: body.role,
    secretHash: apiTokenHash(secret),
    createdAt: now.toISOString(),
    createdBy: staff.email,
    expiresAt,
    revokedAt: null,
    version: 1,
  });
  logger.info('api token created', { tokenId: id, by: staff.email, role: body.role });
  return c.json({ id, token: formatApiToken(staff.organizationId, id, secret), expiresAt }, 201);
};

/** Lists the organization's tokens, newest first. */
export const listTokensHandler: RouteHandler<typeof listTokens, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const now = deps.clock().toISOString();
  const items = await deps.repos.apiTokens.list(staff.organizationId);
  return c.json({ items: items.reverse().map((t) => view(t, now)) }, 200);
};

/** Revokes a token (again: no change). */
export const revokeTokenHandler: RouteHandler<typeof revokeToken, AppEnv> = async (c) => {
  const { deps, staff, logger } = c.var;
  signedInAdmin(staff);
  const { tokenId } = c.req.valid('param');
  const stored = await deps.repos.apiTokens.get(staff.organizationId, tokenId);
  if (!stored) throw new NotFoundError('No such token in your organization.');
  if (!stored.revokedAt) {
    await deps.repos.apiTokens.save(
      { ...stored, revokedAt: deps.clock().toISOString(), version: stored.version + 1 },
      stored.version,
    );
    logger.info('api token revoked', { tokenId, by: staff.email });
  }
  return c.body(null, 204);
};
