import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { IdParam } from '../../schemas/assessment';
import { errorResponses, jsonResponse, readErrors } from '../../schemas/problem';
import * as z from '../../schemas/zod';

const Tier = z.enum(['low', 'moderate', 'high', 'critical']);
const State = z.enum(['due', 'claimed', 'created', 'proposed', 'accepted', 'covered']);

const dueItemExample = {
  assessmentId: '01kb2x7q9m3n4p5r6s7t8v9w0x',
  vendorName: 'Acme Data',
  datasetName: 'Support tickets 2026',
  tier: 'high' as const,
  cadenceDays: 182,
  decidedAt: '2026-06-01T09:30:00.000Z',
  dueAt: '2026-11-30T00:00:00.000Z',
  dueOn: '2026-11-30',
  overdueDays: 5,
  state: 'created' as const,
  mode: 'create' as const,
  reassessment: { id: '01kbz3v8c1d2e3f4g5h6j7k8m9', status: 'invited' as const },
};

const DueItemSchema = z
  .object({
    assessmentId: z.string().openapi({ description: 'the approved assessment' }),
    vendorName: z.string(),
    datasetName: z.string(),
    tier: Tier.openapi({ description: 'the risk tier of its report' }),
    cadenceDays: z.number().int().openapi({ description: 'days between re-assessments' }),
    decidedAt: z.string().openapi({ description: 'when it was approved' }),
    dueAt: z.string().openapi({ description: 'midnight UTC of the due date' }),
    dueOn: z.string().openapi({ description: 'the due date, YYYY-MM-DD' }),
    overdueDays: z
      .number()
      .int()
      .openapi({ description: 'whole days past the due date; 0 on the day itself' }),
    state: State.openapi({
      description:
        'due: not acted on yet; proposed: waiting for procurement; created/accepted: the re-assessment exists; covered: one already running; claimed: being created',
    }),
    mode: z.enum(['create', 'propose']),
    reassessment: z
      .object({ id: z.string(), status: z.string() })
      .nullable()
      .openapi({ description: 'the re-assessment made for this due date, if any' }),
  })
  .openapi('DueReassessment', { example: dueItemExample });

/** GET /api/portfolio/due */
export const listDue = createRoute({
  method: 'get',
  path: '/portfolio/due',
  operationId: 'listDueReassessments',
  tags: ['reports'],
  summary: 'Approved assessments whose scheduled re-assessment is due or overdue',
  description:
    'Per approved assessment of your organization whose latest decision plus the cadence of its risk tier (policy `reassessment.cadenceDays`) has come: the due date, days overdue, and the re-assessment created or proposed for it. Empty while the policy schedules nothing. Most overdue first.',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(DueItemSchema) }).openapi('DueReassessments'),
      'Due and overdue re-assessments',
      { items: [dueItemExample] },
    ),
    ...errorResponses(401, 403, 429),
  },
});

/** POST /api/portfolio/due/{id}/accept */
export const acceptDue = createRoute({
  method: 'post',
  path: '/portfolio/due/{id}/accept',
  operationId: 'acceptDueReassessment',
  tags: ['reports'],
  summary:
    'Start the proposed re-assessment of an approved assessment: created prefilled, the vendor invited (procurement)',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('procurement')] as const,
  request: { params: IdParam },
  responses: {
    201: jsonResponse(DueItemSchema, 'The re-assessment was started and the vendor invited', {
      ...dueItemExample,
      state: 'accepted',
      mode: 'propose',
    }),
    ...errorResponses(...readErrors, 409),
  },
});

/** POST /api/portfolio/due/{id}/dismiss */
export const dismissDue = createRoute({
  method: 'post',
  path: '/portfolio/due/{id}/dismiss',
  operationId: 'dismissDueReassessment',
  tags: ['reports'],
  summary:
    'Dismiss the proposed re-assessment of an approved assessment; it is proposed again one cadence later (procurement)',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('procurement')] as const,
  request: { params: IdParam },
  responses: {
    204: { description: 'Dismissed; nothing went to the vendor' },
    ...errorResponses(...readErrors, 409),
  },
});
