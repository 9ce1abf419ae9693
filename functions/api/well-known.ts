import { Hono } from 'hono';
import type { AppEnv, ShellDeps } from './env';

/** The public path of the report keys (DESIGN.md, "Signed reports and framework packs"). */
export const REPORT_KEYS_PATH = '/.well-known/diligence-keys.json';

/**
 * Public documents outside /api: the JWKS of the keys that sign report bundles, old keys with
 * their validity included. No sign-in; cacheable for five minutes (a rotation shows within that).
 */
export function wellKnownRoutes(deps: Pick<ShellDeps, 'reportKeys'>) {
  return new Hono<AppEnv>().get(REPORT_KEYS_PATH, async (c) =>
    c.json(await deps.reportKeys.published(), 200, {
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
      'Access-Control-Allow-Origin': '*',
    }),
  );
}
