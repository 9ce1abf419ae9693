import { createHash, timingSafeEqual } from 'node:crypto';

/** The parts of an invitation token: where it points, and the secret whose hash is stored. */
export interface ParsedToken {
  organizationId: string;
  assessmentId: string;
  secret: string;
}

const idPattern = /^[a-z0-9-]{1,64}$/;

/** Builds the bearer token a vendor receives: `<org>.<assessment>.<secret>`; only the secret is secret. */
export function formatToken(organizationId: string, assessmentId: string, secret: string): string {
  return `${Buffer.from(organizationId).toString('base64url')}.${assessmentId}.${secret}`;
}

/** Splits a token; undefined when it cannot be one of ours. */
export function parseToken(token: string): ParsedToken | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [org64, assessmentId, secret] = parts as [string, string, string];
  const organizationId = Buffer.from(org64, 'base64url').toString('utf8');
  if (!idPattern.test(organizationId) || !idPattern.test(assessmentId)) return undefined;
  if (!/^[A-Za-z0-9_-]{22,}$/.test(secret)) return undefined;
  return { organizationId, assessmentId, secret };
}

/** SHA-256 of the secret, hex: the only form stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
