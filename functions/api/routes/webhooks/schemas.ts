import { webhookEventTypes, webhookFormats } from '../../../webhooks/types';
import * as z from '../../schemas/zod';

/** Body of POST /api/webhooks. */
export const CreateWebhookBody = z
  .strictObject({
    url: z
      .string()
      .max(2000)
      .openapi({ description: 'https:// (http:// only to loopback where allowed)' }),
    events: z
      .array(z.enum(webhookEventTypes))
      .min(1)
      .max(webhookEventTypes.length)
      .refine((e) => new Set(e).size === e.length, 'list each event type once'),
    description: z.string().trim().max(200).optional(),
    format: z.enum(webhookFormats).default('json').openapi({
      description: 'json: the signed event; slack or teams: an incoming-webhook message',
    }),
  })
  .openapi('CreateWebhookBody');

/** The one answer that holds the signing secret. */
export const CreatedWebhookSchema = z
  .object({
    id: z.string(),
    secret: z.string().openapi({ description: 'shown once: verifies Diligence-Signature' }),
  })
  .openapi('CreatedWebhook');

/** An endpoint as listed (never its secret). */
export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(webhookEventTypes)),
    description: z.string().nullable(),
    format: z.enum(webhookFormats),
    status: z.enum(['active', 'paused']),
    consecutiveFailures: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    pausedAt: z.string().nullable(),
  })
  .openapi('Webhook');

/** One delivery in an endpoint's log. */
export const DeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    type: z.enum(webhookEventTypes),
    createdAt: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'skipped']),
    attempt: z.number().int(),
    httpStatus: z.number().int().nullable(),
    responseMs: z.number().int().nullable(),
    error: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

/** Path parameter of one endpoint. */
export const WebhookIdParam = z.object({
  webhookId: z
    .string()
    .regex(/^[0-9a-z]{26}$/)
    .openapi({ param: { name: 'webhookId', in: 'path' }, example: '01kb2m3n4p5q6r7s8t9v0w1x2z' }),
});

/** Paging of the delivery log. */
export const DeliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export const webhookExample = {
  id: '01kb2m3n4p5q6r7s8t9v0w1x2z',
  url: 'https://hooks.example.com/diligence',
  events: ['assessment.submitted' as const, 'contract.broken' as const],
  description: 'ticketing',
  format: 'json' as const,
  status: 'active' as const,
  consecutiveFailures: 0,
  createdAt: '2026-01-05T09:00:00.000Z',
  createdBy: 'ada@demo.example',
  pausedAt: null,
};

export const deliveryExample = {
  id: '01kb2m3n4p5q6r7s8t9v0w1x30',
  eventId: '01kb2m3n4p5q6r7s8t9v0w1x31',
  type: 'assessment.submitted' as const,
  createdAt: '2026-01-06T10:00:00.000Z',
  status: 'delivered' as const,
  attempt: 2,
  httpStatus: 200,
  responseMs: 84,
  error: null,
  lastAttemptAt: '2026-01-06T10:00:21.000Z',
  nextAttemptAt: null,
};
