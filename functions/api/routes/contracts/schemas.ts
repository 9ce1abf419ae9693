import { conditionShape, refineCondition } from '../../../core/assessment/contract';
import { remediationStatuses } from '../../../core/assessment/contract/remediation';
import * as z from '../../schemas/zod';

/** One delivery-contract condition (DESIGN.md "delivery contracts"). */
export const ContractConditionSchema = z
  .strictObject(conditionShape({ string: z.string, number: z.number }))
  .superRefine(refineCondition)
  .openapi('ContractCondition', {
    description:
      "`metric` is a dot path into the delivery's analysis (`duplicates.nearRate`, `synthetic.interval.0` = machine-text lower bound) or, prefixed `compare.`, into the comparison with the previous delivery; with `source`, a path into that source's `bySource` row. At least one of `max`/`min` (inclusive).",
    example: { metric: 'duplicates.nearRate', max: 0.05, note: 'as agreed in the MSA' },
  });

/** Conditions attached to an approval. */
export const ConditionsSchema = z.array(ContractConditionSchema).min(1).max(30);

/** Example conditions: the four. */
export const conditionsExample = [
  { metric: 'duplicates.nearRate', max: 0.05 },
  { metric: 'compare.overlap.nearRate', max: 0.1, note: 'recycled records from the last delivery' },
  { metric: 'synthetic.interval.0', max: 0.15 },
  { metric: 'pii.recordShare', max: 0 },
];

/** One condition checked against a delivery. */
export const ConditionResultSchema = z
  .object({
    metric: z.string(),
    max: z.number().optional(),
    min: z.number().optional(),
    source: z.string().optional(),
    note: z.string().optional(),
    actual: z.number().nullable(),
    held: z
      .boolean()
      .nullable()
      .openapi({ description: 'null: not measurable (neither held nor broken)' }),
    measurable: z.boolean(),
    reason: z.string().optional(),
    words: z.string().optional().openapi({ description: 'the condition in plain words' }),
    actualWords: z.string().optional().openapi({ description: 'the actual value for people' }),
  })
  .openapi('ConditionResult');

const exceptionSchema = z.object({
  reason: z.string(),
  until: z.string(),
  by: z.string(),
  at: z.string(),
  lapsedAt: z.string().optional(),
});

/** A remediation item: one broken condition tracked to resolution or an accepted exception. */
export const RemediationItemSchema = z
  .object({
    itemId: z.string(),
    assessmentId: z.string(),
    contractAssessmentId: z.string(),
    condition: ConditionResultSchema,
    status: z.enum(remediationStatuses),
    owner: z.string().nullable(),
    dueAt: z.string(),
    comments: z.array(
      z.object({ at: z.string(), by: z.string(), role: z.string(), text: z.string() }),
    ),
    exception: exceptionSchema.nullable(),
    pastExceptions: z.array(exceptionSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('RemediationItem');

/** What GET …/contract answers: the conditions that apply, their last check, and the items. */
export const ContractViewSchema = z
  .object({
    conditions: z
      .array(
        z.object({
          metric: z.string(),
          max: z.number().optional(),
          min: z.number().optional(),
          source: z.string().optional(),
          note: z.string().optional(),
          words: z.string(),
        }),
      )
      .openapi({
        description:
          "this assessment's own approval conditions, else those of the approved predecessor it is checked against",
      }),
    contractAssessmentId: z.string().nullable(),
    check: z
      .object({
        held: z.boolean(),
        broken: z.number().int(),
        unmeasurable: z.number().int(),
        checkedAt: z.string(),
        reportVersion: z.number().int(),
        conditions: z.array(ConditionResultSchema),
      })
      .nullable(),
    conditionsBroken: z.boolean(),
    items: z.array(RemediationItemSchema),
  })
  .openapi('ContractView');
