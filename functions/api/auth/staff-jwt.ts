import type { JWTVerifyGetKey } from 'jose';
import * as z from 'zod';
import { staffRoles } from '../../core/assessment/types';
import { UnauthorizedError } from '../../lib/errors';
import { loadOnce } from '../../lib/load-once';
import type { StaffIdentity, StaffVerifier } from './identity';

/** Only asymmetric algorithms are accepted; `none` and HMAC never are. */
export const allowedAlgorithms = ['ES256', 'RS256'];

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  'cognito:groups': z.array(z.string()).min(1),
  'custom:organization': z.string().min(1).max(64),
});

/** Settings for verifying staff tokens (Cognito ID tokens in AWS, locally signed ones on a laptop). */
export interface StaffJwtOptions {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

/** Builds the verifier used by the staff middleware. */
export function createStaffVerifier(options: StaffJwtOptions): StaffVerifier {
  return async (token) => {
    // jose loads with the first staff request: the health check and /api/config never need it.
    const { errors, jwtVerify } = await import('jose');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: allowedAlgorithms,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      const reason =
        error instanceof errors.JWTExpired ? 'the token has expired' : 'the token is invalid';
      throw new UnauthorizedError(`Sign in again: ${reason}.`, 'unauthorized', { cause: error });
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success)
      throw new UnauthorizedError('Sign in again: the token lacks role or organization.');
    const role = staffRoles.find((r) => claims.data['cognito:groups'].includes(r));
    if (!role)
      throw new UnauthorizedError('Your account has no Diligence role; ask an administrator.');
    const identity: StaffIdentity = {
      kind: 'staff',
      subject: claims.data.sub,
      email: claims.data.email,
      role,
      organizationId: claims.data['custom:organization'],
    };
    return identity;
  };
}

/** Keys fetched (and cached by jose) from a JWKS URL, as Cognito publishes them; jose loads on first use. */
export function remoteKeys(url: string): JWTVerifyGetKey {
  const keys = loadOnce(async () => {
    const { createRemoteJWKSet } = await import('jose');
    return createRemoteJWKSet(new URL(url), { timeoutDuration: 3_000, cooldownDuration: 30_000 });
  });
  return async (header, token) => (await keys())(header, token);
}
