import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details, as every error response carries them. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    missing: z.array(z.object({ questionId: z.string(), prompt: z.string() })).optional(),
  })
  .openapi('Problem');

const descriptions: Record<number, string> = {
  400: 'Invalid input: `errors` lists each bad field',
  401: 'Missing, invalid, expired or revoked credentials',
  403: 'The caller’s role may not do this',
  404: 'Not found (or not visible to this caller)',
  409: 'Conflict: stale version or a state that does not allow this',
  413: 'Request body too large',
  415: 'Request body must be application/json',
  429: 'Too many requests',
  500: 'A stored object failed its integrity check (or an unexpected error)',
};

/** Response entries for the given error statuses, each a problem+json body. */
export function errorResponses(...statuses: (keyof typeof descriptions)[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: descriptions[s] ?? 'Error',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

/** The errors every authenticated JSON write can return. */
export const writeErrors = [400, 401, 403, 404, 409, 413, 415, 429] as const;
/** The errors every authenticated read can return. */
export const readErrors = [400, 401, 403, 404, 429] as const;

/** A JSON request body that must be present (so a missing content type cannot pass as `{}`). */
export function jsonBody<T extends z.ZodType>(schema: T, description = 'JSON body') {
  return { required: true, description, content: { 'application/json': { schema } } };
}

/** A JSON success response. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
