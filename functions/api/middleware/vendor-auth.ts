import { createMiddleware } from 'hono/factory';
import { TooManyRequestsError, UnauthorizedError } from '../../lib/errors';
import { parseToken, secretMatches } from '../auth/vendor-token';
import type { AppEnv } from '../env';
import type { createFailureLimiter } from './failure-limiter';
import { bearer } from './staff-auth';

const invalid = () =>
  new UnauthorizedError(
    'This invitation link is not valid. Ask your contact for a new link.',
    'invitation-invalid',
  );

type RuntimeEnv = {
  event?: { requestContext?: { http?: { sourceIp?: string } } };
  incoming?: { socket?: { remoteAddress?: string } };
};

/** The caller's address as the runtime saw it (never a client-supplied header). */
function clientAddress(env: unknown): string {
  const e = env as RuntimeEnv | undefined;
  return (
    e?.event?.requestContext?.http?.sourceIp ?? e?.incoming?.socket?.remoteAddress ?? 'unknown'
  );
}

/** Requires a live invitation token; sets the vendor identity (one assessment of one organization). */
export function requireVendor(limiter: ReturnType<typeof createFailureLimiter>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const client = clientAddress(c.env);
    const now = c.var.deps.clock();
    if (limiter.blocked(client, now)) {
      throw new TooManyRequestsError(
        'Too many invalid invitation attempts; wait a few minutes and retry.',
      );
    }
    const token = bearer(c.req.header('authorization'));
    const parsed = token ? parseToken(token) : undefined;
    const invitation =
      parsed &&
      (await c.var.deps.repos.invitations.get(parsed.organizationId, parsed.assessmentId));
    const replaced =
      parsed && invitation?.replacedHashes?.some((h) => secretMatches(parsed.secret, h));
    if (
      !replaced &&
      (!parsed || !invitation || !secretMatches(parsed.secret, invitation.tokenHash))
    ) {
      limiter.fail(client, now);
      throw invalid();
    }
    if (replaced || invitation?.revokedAt) {
      throw new UnauthorizedError(
        'This invitation link was revoked. Ask your contact for a new link.',
        'invitation-revoked',
      );
    }
    if (!invitation || invitation.expiresAt <= now.toISOString()) {
      throw new UnauthorizedError(
        'This invitation link has expired. Ask your contact for a new link.',
        'invitation-expired',
      );
    }
    c.set('vendor', {
      kind: 'vendor',
      organizationId: parsed.organizationId,
      assessmentId: parsed.assessmentId,
    });
    await next();
  });
}
