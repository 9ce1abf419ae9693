import * as z from 'zod';
import { findMetric, validPaths } from './metrics';

/** Most conditions one contract may carry. */
export const MAX_CONDITIONS = 30;

/** A condition's fields before the checks of {@link refineCondition}. */
export interface RawCondition {
  metric: string;
  max?: number;
  min?: number;
  source?: string;
  note?: string;
}

/** The field checks of a condition (known metric path, a bound, min ≤ max), for `superRefine`. */
export function refineCondition(c: RawCondition, ctx: z.RefinementCtx): void {
  const scoped = c.source !== undefined;
  if (!findMetric(c.metric, scoped)) {
    ctx.addIssue({
      code: 'custom',
      path: ['metric'],
      message: `unknown metric "${c.metric}"${scoped ? ` for a source-scoped condition (source "${c.source}")` : ''}; valid: ${validPaths(scoped).join(', ')}`,
    });
  }
  if (c.max === undefined && c.min === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['max'],
      message: `condition on "${c.metric}" needs a bound: give max, min or both`,
    });
  if (c.max !== undefined && c.min !== undefined && c.min > c.max)
    ctx.addIssue({
      code: 'custom',
      path: ['min'],
      message: `condition on "${c.metric}": min ${c.min} is above max ${c.max}`,
    });
}

/** The fields of a condition, for building the schema with another zod instance (the API's). */
// Callers pass `{ string: z.string, number: z.number }`, never the `z` namespace itself: a namespace
// used as a value makes esbuild keep all of zod (its locales too) in the API Lambda's shared chunk
// (test/infra/cold-path.test.ts).
export function conditionShape(zod: Pick<typeof z, 'string' | 'number'>) {
  return {
    metric: zod.string().min(1).max(100),
    max: zod.number().optional(),
    min: zod.number().optional(),
    source: zod.string().min(1).max(200).optional(),
    note: zod.string().max(500).optional(),
  };
}

/** One condition of a delivery contract: a metric path, a bound or two, an optional source. */
export const ContractConditionSchema = z
  .strictObject(conditionShape({ string: z.string, number: z.number }))
  .superRefine(refineCondition);

/** One condition of a delivery contract. */
export type ContractCondition = z.infer<typeof ContractConditionSchema>;

/** The conditions of one contract (at least one, at most {@link MAX_CONDITIONS}). */
export const ContractConditionsSchema = z.array(ContractConditionSchema).min(1).max(MAX_CONDITIONS);

/** A contract file: `{ conditions: [...] }` (DESIGN.md). */
export const ContractFileSchema = z.object({ conditions: ContractConditionsSchema }).strict();

/** A contract that does not parse: each message names the condition and what is wrong. */
export class ContractInvalidError extends Error {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }
}

/** Parses a contract document (`{ conditions }`), throwing {@link ContractInvalidError} with named conditions. */
export function parseContract(doc: unknown): ContractCondition[] {
  const r = ContractFileSchema.safeParse(doc);
  if (r.success) return r.data.conditions;
  throw new ContractInvalidError(
    r.error.issues.map((i) => {
      const path = i.path.join('.');
      const idx = i.path[0] === 'conditions' ? i.path[1] : undefined;
      const metric =
        typeof idx === 'number'
          ? (doc as { conditions?: { metric?: unknown }[] }).conditions?.[idx]?.metric
          : undefined;
      return {
        path: typeof metric === 'string' ? `${path} (${metric})` : path || '(document)',
        message: i.message,
      };
    }),
  );
}
