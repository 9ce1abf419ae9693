import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/**
 * For routes whose JSON body is optional: an empty body (even one sent with
 * `Content-Type: application/json`, as many clients do for a bare POST) reads as `{}`, so the
 * route's validator sees "no fields" instead of failing to parse nothing. Hono caches the body
 * text and parses JSON from it, so the validator reads the text set here.
 */
export const emptyJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  // Without a Content-Type the validator already reads no body as `{}`; only a body labelled
  // JSON is parsed, so only then does an empty one need to read as `{}`.
  const labelledJson = /json/i.test(c.req.header('content-type') ?? '');
  if (labelledJson && (await c.req.text()).trim() === '')
    // Hono keeps the promise of the text there (its type says the value).
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve('{}');
  await next();
});
