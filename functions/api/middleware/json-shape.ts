import { createMiddleware } from 'hono/factory';
import { type FieldProblem, ValidationError } from '../../lib/errors';
import type { AppEnv } from '../env';

/** Deepest nesting of arrays and objects a JSON body may have (DynamoDB itself stops at 32). */
export const maxJsonDepth = 20;

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one string of the body, if anything. */
function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'contains a NUL character (\\u0000); remove it';
  if (loneSurrogate.test(s))
    return 'contains a broken Unicode character (a lone surrogate); re-type or re-paste the text';
  return undefined;
}

/**
 * Problems with a parsed JSON value that would pass a schema yet harm storage or the runtime:
 * nesting past `maxJsonDepth`, prototype keys, NUL and lone surrogates. Iterative, so a body
 * nested thousands deep cannot overflow the stack.
 */
export function jsonShapeProblems(value: unknown, limit = maxJsonDepth): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    const where = path || '(body)';
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) problems.push({ path: where, message: problem });
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) {
      problems.push({
        path: where,
        message: `nested deeper than ${limit} levels; flatten the value`,
      });
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${key}` : key;
      if (forbiddenKeys.has(key)) {
        problems.push({ path: childPath, message: `"${key}" is not allowed as a field name` });
        continue;
      }
      const keyProblem = textProblem(key);
      if (keyProblem) problems.push({ path: childPath, message: `the field name ${keyProblem}` });
      stack.push({ v: child, path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}

/** Refuses (400) JSON bodies that are too deep or carry prototype keys, NUL or lone surrogates. */
export const jsonShape = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (/json/i.test(type) && c.req.raw.body !== null) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      // Malformed JSON: the route's validator answers with its own clear 400.
      return next();
    }
    const problems = jsonShapeProblems(body);
    if (problems.length > 0)
      throw new ValidationError('The request body is invalid: see errors.', problems);
  }
  await next();
});
