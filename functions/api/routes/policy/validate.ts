import { type Policy, policySchema } from '../../../core/scoring';
import { ValidationError } from '../../../lib/errors';

/** Parses a proposed policy as `PUT /api/policy` does; 400 with each bad field's path. */
export function parsePolicy(input: Record<string, unknown>, version: number): Policy {
  const parsed = policySchema.safeParse({ ...input, version });
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    'The policy is invalid: see errors.',
    parsed.error.issues.map((i) => ({
      path: ['policy', ...i.path.map(String)].join('.'),
      message: i.message,
    })),
  );
}
