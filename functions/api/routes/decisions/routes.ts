import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { AssessmentSchema, IdParam } from '../../schemas/assessment';
import { assessmentExample } from '../../schemas/examples';
import { errorResponses, jsonBody, jsonResponse, writeErrors } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { ConditionsSchema, conditionsExample } from '../contracts/schemas';

/** Body of POST /api/assessments/{id}/decision. */
export const DecisionBody = z
  .strictObject({
    decision: z.enum(['approve', 'reject', 'request_changes']),
    comment: z.string().trim().max(5000),
    comments: z
      .array(
        z.strictObject({
          questionId: z.string().min(1).max(100),
          comment: z.string().trim().min(1).max(2000),
        }),
      )
      .max(200)
      .optional(),
    version: z.number().int().positive().optional(),
    conditions: ConditionsSchema.optional().openapi({
      description:
        "approve only: the delivery contract checked on the re-assessment's delivery (400 with any other decision)",
      example: conditionsExample,
    }),
  })
  .openapi('DecisionRequest', {
    example: {
      decision: 'request_changes',
      comment: 'Please add the holdout refresh schedule.',
      comments: [{ questionId: 'holdout_refresh_months', comment: 'How often exactly?' }],
      version: 4,
    },
  });

/** POST /api/assessments/{id}/decision */
export const decide = createRoute({
  method: 'post',
  path: '/assessments/{id}/decision',
  operationId: 'decideAssessment',
  tags: ['review'],
  summary: 'Approve, reject or request changes (governance; not the assessment’s creator)',
  description:
    "A comment is required to reject or request changes (400 on `comment` without one); a stale `version`, or approving or rejecting while the report is being updated, is refused with 409. An approval may carry `conditions` (a delivery contract, checked when a re-assessment's delivery is analyzed; 400 naming an unknown metric path).",
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('governance')] as const,
  request: {
    params: IdParam,
    body: jsonBody(DecisionBody, 'The decision', {
      decision: 'request_changes',
      comment: 'Please state the synthetic share per record, not per token.',
      comments: [{ questionId: 'synthetic_share_percent', comment: 'Per record or per token?' }],
      version: 7,
    }),
  },
  responses: {
    200: jsonResponse(AssessmentSchema, 'The decided assessment', {
      ...assessmentExample,
      status: 'changes_requested',
      version: 8,
      decision: {
        decision: 'request_changes',
        by: 'gail@demo.example',
        at: '2026-11-28T15:00:00.000Z',
        comments: [{ questionId: 'synthetic_share_percent', comment: 'Per record or per token?' }],
      },
    }),
    ...errorResponses(...writeErrors),
  },
});
