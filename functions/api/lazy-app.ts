import { Hono } from 'hono';
import { buildApp } from './app-shell';
import type { AppDeps } from './env';
import { type RouteGroup, routeGroups } from './routes/groups';

/** Paths that need every route: the OpenAPI document and the reference built from it. */
const wholeApiPaths = new Set(['/api/openapi.json', '/api/docs']);

/**
 * The groups a request to `path` can reach, in registration order: those declaring its first
 * segment under /api; every group for the document, the reference and any path no group claims
 * (so an odd path answers exactly as the full app would); none outside /api.
 */
export function groupsFor(groups: readonly RouteGroup[], path: string): readonly RouteGroup[] {
  if (!path.startsWith('/api/')) return [];
  if (wholeApiPaths.has(path)) return groups;
  const segment = path.slice('/api/'.length).split('/')[0] ?? '';
  const claimed = groups.filter((g) => g.prefixes.includes(segment));
  return claimed.length > 0 ? claimed : groups;
}

/**
 * The API app for the Lambda: the same app `createApp` builds, but each request is served by an
 * app holding only the routers its path can reach, loaded and built on first use and kept for the
 * container's life. A cold start serving GET /api/health thus never evaluates the report, policy
 * or vendor routes (nor pdf-lib, the scoring engine or their zod schemas).
 */
export function createLazyApp(deps: AppDeps, groups: readonly RouteGroup[] = routeGroups(deps)) {
  const built = new Map<string, Promise<ReturnType<typeof buildApp>>>();
  const appFor = (path: string) => {
    const selected = groupsFor(groups, path);
    const key = selected.map((g) => g.name).join(',');
    let app = built.get(key);
    if (!app) {
      app = Promise.all(selected.map((g) => g.load())).then((factories) =>
        buildApp(
          deps,
          factories.map((create) => create(deps)),
        ),
      );
      // A failed load is retried by the next request rather than cached.
      app.catch(() => built.delete(key));
      built.set(key, app);
    }
    return app;
  };
  return new Hono().all('*', async (c) => (await appFor(c.req.path)).fetch(c.req.raw, c.env));
}
