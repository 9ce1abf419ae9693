/** An OpenAPI document's shape, as far as security is concerned. */
type Doc = { paths?: Record<string, Record<string, { security?: Record<string, string[]>[] }>> };

/**
 * Every operation a staff JWT may call accepts an API token too (the same bearer header): adds
 * `{ apiToken: [] }` beside each `staffJwt` requirement, so the reference's Authorize takes one.
 */
export function withApiTokenSecurity<T extends { paths?: unknown }>(doc: T): T {
  for (const methods of Object.values((doc as Doc).paths ?? {})) {
    for (const op of Object.values(methods)) {
      const security = op.security;
      if (!security?.some((s) => 'staffJwt' in s) || security.some((s) => 'apiToken' in s))
        continue;
      security.push({ apiToken: [] });
    }
  }
  return doc;
}
