import { createHash, timingSafeEqual } from 'node:crypto';

/** The parts of an invitation token: where it points, and the secret whose hash is stored. */
export interface ParsedToken {
  organizationId: string;
  assessmentId: string;
  secret: string;
  /** Present on a named contact's own link (`<org>.<assessment>.<contact>.<secret>`). */
  contactId?: string;
}

const idPattern = /^[a-z0-9-]{1,64}$/;

/** Builds the bearer token a vendor receives: `<org>.<assessment>.<secret>`; only the secret is secret. */
export function formatToken(organizationId: string, assessmentId: string, secret: string): string {
  return `${Buffer.from(organizationId).toString('base64url')}.${assessmentId}.${secret}`;
}

/** A named contact's own token: `<org>.<assessment>.<contact>.<secret>`. */
export function formatContactToken(
  organizationId: string,
  assessmentId: string,
  contactId: string,
  secret: string,
): string {
  return `${Buffer.from(organizationId).toString('base64url')}.${assessmentId}.${contactId}.${secret}`;
}

/** Splits a token (three parts, or four for a contact's link); undefined when it cannot be ours. */
export function parseToken(token: string): ParsedToken | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 && parts.length !== 4) return undefined;
  const [org64, assessmentId] = parts as [string, string];
  const secret = parts.at(-1) ?? '';
  const contactId = parts.length === 4 ? parts[2] : undefined;
  const organizationId = Buffer.from(org64, 'base64url').toString('utf8');
  if (!idPattern.test(organizationId) || !idPattern.test(assessmentId)) return undefined;
  if (contactId !== undefined && !idPattern.test(contactId)) return undefined;
  if (!/^[A-Za-z0-9_-]{22,}$/.test(secret)) return undefined;
  return { organizationId, assessmentId, secret, ...(contactId ? { contactId } : {}) };
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
