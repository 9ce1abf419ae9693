import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../../middleware/staff-auth';
import { errorResponses, jsonResponse } from '../../../schemas/problem';
import { DeliverySeriesPageSchema, SeriesQuery, seriesExample } from './schemas';

/** GET /api/portfolio/delivery-series */
export const listDeliverySeries = createRoute({
  method: 'get',
  path: '/portfolio/delivery-series',
  operationId: 'listDeliverySeries',
  tags: ['reports'],
  summary: 'Each vendor dataset’s deliveries with what their stored reports measured',
  description:
    'Per vendor dataset (an assessment and its re-assessments), in delivery order: diversity, machine-text share with its interval, near-duplicate rate, overlap with the previous delivery and whether it was flagged degraded, with the findings. Read from stored reports only; paged by dataset (newest activity first), at most the 12 newest deliveries per dataset.',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  request: { query: SeriesQuery },
  responses: {
    200: jsonResponse(DeliverySeriesPageSchema, 'One page of delivery series', seriesExample),
    ...errorResponses(400, 401, 403, 429, 500),
  },
});
