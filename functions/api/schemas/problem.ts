import { problemExample } from './examples';
import * as z from './zod';

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
  422: 'Well formed, but what it names cannot be processed',
  429: 'Too many requests',
  500: 'A stored object failed its integrity check (or an unexpected error)',
};

const exampleProblems: Record<number, [string, string]> = {
  400: ['Bad Request', 'The request json is invalid: see errors.'],
  401: ['Unauthorized', 'Sign in: send Authorization: Bearer <token>.'],
  403: ['Forbidden', 'This needs the admin role; you are signed in as procurement.'],
  404: ['Not Found', 'No assessment 01kb2x7q9m3n4p5r6s7t8v9w0x in your organization.'],
  409: ['Conflict', 'The assessment changed meanwhile; reload and try again.'],
  413: ['Payload Too Large', 'The request body is over 256 KiB; send less data.'],
  415: ['Unsupported Media Type', 'Send the body as JSON with Content-Type: application/json.'],
  422: ['Unprocessable Content', 'photos/cat.png cannot be decoded as an image.'],
  429: ['Too Many Requests', 'Too many invalid invitation attempts; wait a few minutes and retry.'],
  500: ['Internal Server Error', 'A stored report failed its integrity check.'],
};

/** Response entries for the given error statuses, each a problem+json body with an example. */
export function errorResponses(...statuses: (keyof typeof descriptions)[]) {
  return Object.fromEntries(
    statuses.map((s) => {
      const [title, detail] = exampleProblems[s] ?? ['Error', 'Request failed'];
      return [
        s,
        {
          description: descriptions[s] ?? 'Error',
          content: {
            'application/problem+json': {
              schema: ProblemSchema,
              example: problemExample(s, title, detail),
            },
          },
        },
      ];
    }),
  );
}

/** The errors every authenticated JSON write can return. */
export const writeErrors = [400, 401, 403, 404, 409, 413, 415, 429] as const;
/** The errors every authenticated read can return. */
export const readErrors = [400, 401, 403, 404, 429] as const;

/**
 * A JSON request body that must be present (so a missing content type cannot pass as `{}`),
 * with the example the reference shows and pre-fills (the OpenAPI tests require one).
 */
export function jsonBody<T extends z.ZodType>(
  schema: T,
  description = 'JSON body',
  example?: z.input<T>,
) {
  return {
    required: true,
    description,
    content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
  };
}

/** A JSON success response with its example (the OpenAPI tests require one). */
export function jsonResponse<T extends z.ZodType>(
  schema: T,
  description: string,
  example?: z.output<T>,
) {
  return {
    description,
    content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
  };
}
