import { timingSafeEqual } from 'node:crypto';

/** Header CloudFront adds to every API origin request (see infra/constructs/origin-secret.ts). */
export const ORIGIN_HEADER = 'x-diligence-origin';

/**
 * Whether a Lambda event came through CloudFront: its `x-diligence-origin` header equals the
 * configured secret (constant-time). Without a configured secret every request passes (local runs).
 */
export function cameThroughCloudFront(
  headers: Record<string, unknown> | undefined,
  secret: string | undefined,
): boolean {
  if (!secret) return true;
  const sent = headers?.[ORIGIN_HEADER];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The problem+json answer to a request that bypassed CloudFront. */
export const bypassResponse = {
  statusCode: 403,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({
    type: 'about:blank',
    title: 'Forbidden',
    status: 403,
    detail: 'Call the API through the portal address (CloudFront), not the API Gateway endpoint.',
  }),
};
