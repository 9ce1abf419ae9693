import { createMiddleware } from 'hono/factory';
import { UnsupportedMediaTypeError } from '../../lib/errors';
import type { AppEnv } from '../env';

const withBody = new Set(['POST', 'PUT', 'PATCH']);

/** Rejects request bodies that are not JSON with 415 (an empty body is allowed). */
export const jsonOnly = createMiddleware<AppEnv>(async (c, next) => {
  const length = c.req.header('content-length');
  // Without a Content-Length (chunked, or `curl -X POST` with no data) only the bytes tell; the
  // body limit ran first and Hono caches what is read here for the route's validator.
  const hasBody =
    length !== undefined
      ? length !== '0'
      : withBody.has(c.req.method) && c.req.raw.body !== null && (await c.req.text()).length > 0;
  if (withBody.has(c.req.method) && hasBody) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
      throw new UnsupportedMediaTypeError(
        `Send the body as JSON with Content-Type: application/json (got ${type ? `"${type.slice(0, 60)}"` : 'none'}).`,
      );
    }
  }
  await next();
});
