import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../env';

/** Puts deps and a request-scoped logger on the context and logs each request once. */
export function requestContext(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const requestId = c.get('requestId');
    const logger = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('logger', logger);
    const started = performance.now();
    await next();
    c.var.logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
}
