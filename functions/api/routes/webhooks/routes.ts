import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonBody, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import {
  CreatedWebhookSchema,
  CreateWebhookBody,
  DeliveriesQuery,
  DeliverySchema,
  deliveryExample,
  WebhookIdParam,
  WebhookSchema,
  webhookExample,
} from './schemas';

const staff = [{ staffJwt: [] }];

/** POST /api/webhooks */
export const createWebhook = createRoute({
  method: 'post',
  path: '/webhooks',
  operationId: 'createWebhook',
  tags: ['integrations'],
  summary:
    'Register an endpoint for event types; the signing secret is shown once. Private, link-local, metadata and (unless allowed) loopback addresses are refused',
  security: staff,
  middleware: [requireStaff('admin')] as const,
  request: {
    body: jsonBody(CreateWebhookBody, undefined, {
      url: 'https://hooks.example.com/diligence',
      events: ['assessment.submitted', 'contract.broken'],
      description: 'ticketing',
      format: 'json',
    }),
  },
  responses: {
    201: jsonResponse(CreatedWebhookSchema, 'The endpoint and its secret (shown once)', {
      id: webhookExample.id,
      secret: 'whsec_q7V0c2l0ZS1zZWNyZXQtb25lLXRpbWUtb25seS1leGFtcGxl',
    }),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

/** GET /api/webhooks */
export const listWebhooks = createRoute({
  method: 'get',
  path: '/webhooks',
  operationId: 'listWebhooks',
  tags: ['integrations'],
  summary: "The organization's webhook endpoints (never their secrets)",
  security: staff,
  middleware: [requireStaff('admin')] as const,
  responses: {
    200: jsonResponse(z.object({ items: z.array(WebhookSchema) }), 'The endpoints', {
      items: [webhookExample],
    }),
    ...errorResponses(401, 403, 429),
  },
});

/** DELETE /api/webhooks/{webhookId} */
export const deleteWebhook = createRoute({
  method: 'delete',
  path: '/webhooks/{webhookId}',
  operationId: 'deleteWebhook',
  tags: ['integrations'],
  summary: 'Remove an endpoint: nothing more is sent to it; its delivery log stays readable',
  security: staff,
  middleware: [requireStaff('admin')] as const,
  request: { params: WebhookIdParam },
  responses: {
    204: { description: 'Removed' },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

/** GET /api/webhooks/{webhookId}/deliveries */
export const listDeliveries = createRoute({
  method: 'get',
  path: '/webhooks/{webhookId}/deliveries',
  operationId: 'listWebhookDeliveries',
  tags: ['integrations'],
  summary:
    "An endpoint's deliveries, newest first: status, HTTP status, response time, attempt, error",
  security: staff,
  middleware: [requireStaff('admin')] as const,
  request: { params: WebhookIdParam, query: DeliveriesQuery },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() }),
      'The deliveries',
      { items: [deliveryExample], nextCursor: null },
    ),
    ...errorResponses(400, 401, 403, 404, 429),
  },
});
