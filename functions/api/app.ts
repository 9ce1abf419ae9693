import { buildApp } from './app-shell';
import type { AppDeps } from './env';
import { featureRoutes } from './routes';

export { maxJsonBytes } from './app-shell';

/**
 * Builds the HTTP app with every route registered up front; runtime-agnostic (the local portal
 * and the tests call this; the Lambda serves the same app through `createLazyApp`).
 */
export function createApp(deps: AppDeps) {
  return buildApp(deps, featureRoutes(deps));
}

/** The app's type, for typed clients. */
export type AppType = ReturnType<typeof createApp>;
