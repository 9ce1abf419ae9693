import { OpenAPIHono } from '@hono/zod-openapi';
import { ValidationError } from '../lib/errors';
import type { AppEnv } from './env';

/** A router whose validation failures all become the one 400 problem shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.flatMap((issue) => {
          const base = issue.path.map(String).join('.');
          if (issue.code === 'unrecognized_keys') {
            return issue.keys.map((key) => ({
              path: base ? `${base}.${key}` : key,
              message: 'unknown field: remove it (only documented fields are accepted)',
            }));
          }
          return [{ path: base || `(${result.target})`, message: issue.message }];
        });
        throw new ValidationError(`The request ${result.target} is invalid: see errors.`, errors);
      }
    },
  });
}
