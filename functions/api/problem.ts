import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, IntegrityError, ValidationError } from '../lib/errors';
import type { AppEnv } from './env';

/** Base of every problem `type` URI. */
export const problemBase = 'https://diligence.dev/problems/';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

const slugs: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
};

/** Builds an RFC 9457 problem response. */
export function problem(
  c: Context<AppEnv>,
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
  slug = slugs[status] ?? 'error',
) {
  const body = {
    type: `${problemBase}${slug}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    instance: c.get('requestId') ? `urn:request:${c.get('requestId')}` : undefined,
    ...extra,
  };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    // The unread rest of an oversized body would poison a kept-alive connection.
    ...(status === 413 ? { connection: 'close' } : {}),
  });
}

/** The one place errors become HTTP: domain errors keep their message, others get a fixed 500. */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof ValidationError) {
    return problem(c, 400, error.message, { errors: error.errors }, error.slug);
  }
  if (error instanceof DomainError && (error.status < 500 || error instanceof IntegrityError)) {
    return problem(c, error.status, error.message, error.extra, error.slug);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const detail =
      error.status === 400 && /json/i.test(error.message)
        ? 'The request body is not valid JSON: check quotes, commas and brackets.'
        : error.message || titles[error.status] || 'Request failed';
    return problem(c, error.status, detail);
  }
  c.get('logger')?.error('request failed', { error, path: c.req.path, method: c.req.method });
  return problem(
    c,
    500,
    'Something went wrong on our side. Quote the instance id if you contact support.',
    {},
    'internal',
  );
}

/** Unknown routes get a problem+json 404 too. */
export function notFound(c: Context<AppEnv>) {
  return problem(c, 404, `No route ${c.req.method} ${c.req.path}. See /api/docs for the API.`);
}
