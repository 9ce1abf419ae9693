import { createMiddleware } from 'hono/factory';
import type { StaffRole } from '../../core/assessment/types';
import { ForbiddenError, UnauthorizedError } from '../../lib/errors';
import { isApiToken, verifyApiToken } from '../auth/api-token';
import type { AppEnv } from '../env';

/** Reads `Authorization: Bearer <token>`; undefined when absent or malformed. */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Requires a valid staff JWT or API token (`dlg_…`, checked against its stored hash); with `roles`, also one of those roles (403 otherwise). */
export function requireStaff(...roles: StaffRole[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    if (!token) throw new UnauthorizedError('Sign in: send Authorization: Bearer <token>.');
    const staff = isApiToken(token)
      ? await verifyApiToken(c.var.deps, token)
      : await c.var.deps.verifyStaff(token);
    if (roles.length > 0 && !roles.includes(staff.role)) {
      throw new ForbiddenError(
        `This needs the ${roles.join(' or ')} role; you are signed in as ${staff.role}.`,
      );
    }
    c.set('staff', staff);
    c.set('logger', c.var.logger.child({ org: staff.organizationId, role: staff.role }));
    await next();
  });
}
