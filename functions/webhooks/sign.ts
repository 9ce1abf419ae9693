import { createHmac, timingSafeEqual } from 'node:crypto';

/** Seconds a receiver should accept a signature's timestamp for (docs/integrations.md). */
export const replayWindowSeconds = 300;

/** The `Diligence-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * Verifies a signature header as a receiver would: the HMAC matches and the timestamp lies
 * within the replay window of `nowSeconds`. Exported for the tests and the docs' recipe.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
): boolean {
  const parts = Object.fromEntries(
    header.split(',').map((p) => p.split('=', 2) as [string, string]),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > replayWindowSeconds || !parts.v1)
    return false;
  const want = Buffer.from(signatureHeader(secret, t, body).split('v1=')[1] ?? '', 'hex');
  const got = Buffer.from(parts.v1, 'hex');
  return want.length === got.length && timingSafeEqual(want, got);
}
