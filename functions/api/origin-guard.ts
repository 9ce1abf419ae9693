import { timingSafeEqual } from 'node:crypto';

/** Header CloudFront adds to every API origin request (see infra/constructs/origin-secret.ts). */
export const ORIGIN_HEADER = 'x-diligence-origin';

type Headers = Record<string, unknown> | undefined;

/**
 * Whether a Lambda event came through CloudFront: its `x-diligence-origin` header equals the
 * configured secret (constant-time). Without a configured secret every request passes (local runs).
 */
export function cameThroughCloudFront(headers: Headers, secret: string | undefined): boolean {
  if (!secret) return true;
  const sent = headers?.[ORIGIN_HEADER];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Where the AWS Parameters and Secrets Lambda extension serves the secret, and its credential. */
export interface SecretSource {
  readonly secretArn: string;
  readonly port: number;
  /** The function's AWS_SESSION_TOKEN: the extension's only accepted credential. */
  readonly sessionToken: string;
}

/**
 * Reads a secret string through the Parameters and Secrets extension (localhost, cached there):
 * https://docs.aws.amazon.com/lambda/latest/dg/with-secrets-manager.html
 */
export function extensionSecret(
  source: SecretSource,
  fetcher: typeof fetch = fetch,
): () => Promise<string> {
  const url = `http://localhost:${source.port}/secretsmanager/get?secretId=${encodeURIComponent(source.secretArn)}`;
  return async () => {
    const res = await fetcher(url, {
      headers: { 'X-Aws-Parameters-Secrets-Token': source.sessionToken },
    });
    if (!res.ok) throw new Error(`origin secret: the secrets extension answered ${res.status}`);
    const body = (await res.json()) as { SecretString?: unknown };
    if (typeof body.SecretString !== 'string' || body.SecretString.length < 16)
      throw new Error('origin secret: no usable SecretString');
    return body.SecretString;
  };
}

/**
 * The origin check with the secret read once and kept for the container's life. A request that
 * does not match reads it again, at most once per `refreshMs`, so a rotated secret is picked up
 * without a redeploy of the function. A failed read is not cached.
 */
export function createOriginGuard(
  read: () => Promise<string>,
  { now = Date.now, refreshMs = 60_000 }: { now?: () => number; refreshMs?: number } = {},
): (headers: Headers) => Promise<boolean> {
  let secret: Promise<string> | undefined;
  let readAt = 0;
  const load = () => {
    readAt = now();
    secret = read();
    secret.catch(() => {
      secret = undefined;
    });
    return secret;
  };
  return async (headers) => {
    if (cameThroughCloudFront(headers, await (secret ?? load()))) return true;
    if (now() - readAt < refreshMs) return false;
    return cameThroughCloudFront(headers, await load());
  };
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
