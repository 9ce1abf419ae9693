import type { AppDeps } from '../env';
import { devRoutes } from './dev';
import { healthRoutes } from './health';
import { metaRoutes } from './meta';

/** Every feature router, mounted under /api. Dev routes exist only when deps.dev is set. */
export function featureRoutes(deps: AppDeps) {
  return [healthRoutes(), metaRoutes(), ...(deps.dev ? [devRoutes()] : [])];
}
