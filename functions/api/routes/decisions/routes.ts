import { createRoute, z } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { AssessmentSchema, IdParam } from '../../schemas/assessment';
import { errorResponses, jsonBody, jsonResponse, writeErrors } from '../../schemas/problem';

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
    'A comment is required to reject or request changes (400 on `comment` without one); a stale `version` is refused with 409.',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('governance')] as const,
  request: { params: IdParam, body: jsonBody(DecisionBody) },
  responses: {
    200: jsonResponse(AssessmentSchema, 'The decided assessment'),
    ...errorResponses(...writeErrors),
  },
});
