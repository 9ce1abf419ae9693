import { Hono } from 'hono';
import { loadOnce } from '../lib/load-once';
import { buildApp } from './app-shell';
import { isApiToken } from './auth/api-token';
import { type AppDeps, type AppEnv, type DataDeps, dataDepNames, type ShellDeps } from './env';
import { bearer } from './middleware/staff-auth';
import { onError } from './problem';
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
 * Deps for groups that declared they use no data: reading a data member is a programming error
 * (the group's `data` flag in routes/groups.ts is wrong), reported as such.
 */
export function withoutData(shell: ShellDeps, groups: readonly RouteGroup[]): AppDeps {
  const deps = { ...shell } as AppDeps;
  const names = groups.map((g) => g.name).join(', ') || '(none)';
  for (const member of dataDepNames) {
    Object.defineProperty(deps, member, {
      get() {
        throw new Error(
          `deps.${member} read by route group(s) ${names}, declared data: false in routes/groups.ts`,
        );
      },
    });
  }
  return deps;
}

/**
 * The API app for the Lambda: the same app `createApp` builds, but each request is served by an
 * app holding only the routers its path can reach, loaded and built on first use and kept for the
 * container's life. The data side (`loadData`: repositories, blobs, presigners, analyzer, and
 * with them the AWS SDK) loads with the first group that declares `data: true`. A cold start
 * serving GET /api/health or /api/config thus evaluates neither the SDK nor the report, policy or
 * vendor routes (nor pdf-lib, the scoring engine or their zod schemas).
 */
export function createLazyApp(
  shell: ShellDeps,
  loadData: () => Promise<DataDeps>,
  groups: readonly RouteGroup[] = routeGroups(shell),
) {
  const data = loadOnce(loadData);
  const built = new Map<string, () => Promise<ReturnType<typeof buildApp>>>();
  const appFor = (path: string, apiToken: boolean) => {
    const selected = groupsFor(groups, path);
    // An API token is checked against its stored hash: even a data-free group then needs data.
    const needsData = apiToken || selected.some((g) => g.data);
    const key = `${selected.map((g) => g.name).join(',')}${needsData ? '+data' : ''}`;
    let app = built.get(key);
    if (!app) {
      app = loadOnce(async () => {
        const [factories, deps] = await Promise.all([
          Promise.all(selected.map((g) => g.load())),
          needsData
            ? data().then((d): AppDeps => ({ ...shell, ...d }))
            : withoutData(shell, selected),
        ]);
        return buildApp(
          deps,
          factories.map((create) => create(deps)),
        );
      });
      built.set(key, app);
    }
    return app();
  };
  return (
    new Hono<AppEnv>()
      .all('*', async (c) => {
        const token = bearer(c.req.header('authorization'));
        const app = await appFor(c.req.path, token !== undefined && isApiToken(token));
        return app.fetch(c.req.raw, c.env);
      })
      // A router or the data side failing to load: logged, and the usual problem+json 500.
      .onError((error, c) => {
        c.set('logger', shell.logger);
        return onError(error, c);
      })
  );
}
