import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../create-router';
import { jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';

/** GET /api/health: liveness for anyone. */
export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  security: [],
  tags: ['meta'],
  summary: 'Liveness check',
  responses: {
    200: jsonResponse(z.object({ status: z.literal('ok') }).openapi('Health'), 'The API is up', {
      status: 'ok',
    }),
  },
});

/** The health router. */
export function healthRoutes() {
  return createRouter().openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
}
