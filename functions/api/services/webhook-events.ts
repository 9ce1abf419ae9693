import type { Logger } from '../../lib/logger';
import type { WebhookRepo } from '../../store/webhooks';
import type { WebhookQueue } from '../../webhooks/queue';
import type { WebhookDelivery, WebhookEvent, WebhookEventType } from '../../webhooks/types';

/**
 * What emitting needs: the webhook repository (absent in functions built without it: then
 * nothing is emitted), clock, ids, a logger, and optionally the queue that wakes the worker.
 */
export interface EmitDeps {
  /** Any repository set; its `webhooks` member (when present) records the deliveries. */
  repos: object;
  clock: () => Date;
  newId: (now?: Date) => string;
  logger?: Pick<Logger, 'warn'>;
  webhookQueue?: WebhookQueue;
}

/** One event to tell an organization's webhook endpoints about. */
export interface EmittedEvent {
  organizationId: string;
  type: WebhookEventType;
  data: Record<string, unknown>;
}

/**
 * Records one pending delivery per active endpoint of the organization subscribed to the
 * event's type and announces each on the webhook queue. It never sends HTTP itself (the worker
 * does), never throws into the caller (failures are logged) and resolves once recorded.
 */
export async function emitEvent(deps: EmitDeps, e: EmittedEvent): Promise<void> {
  try {
    const repo = (deps.repos as { webhooks?: Pick<WebhookRepo, 'list' | 'addDelivery'> }).webhooks;
    if (!repo) return;
    const endpoints = (await repo.list(e.organizationId)).filter(
      (ep) => ep.status === 'active' && ep.events.includes(e.type),
    );
    if (endpoints.length === 0) return;
    const now = deps.clock();
    const event: WebhookEvent = {
      id: deps.newId(now),
      type: e.type,
      createdAt: now.toISOString(),
      organizationId: e.organizationId,
      data: e.data,
    };
    for (const ep of endpoints) {
      const delivery: WebhookDelivery = {
        organizationId: e.organizationId,
        endpointId: ep.id,
        id: deps.newId(now),
        event,
        status: 'pending',
        attempt: 0,
        nextAttemptAt: event.createdAt,
        version: 1,
      };
      await repo.addDelivery(delivery);
      await deps.webhookQueue
        ?.send({ organizationId: e.organizationId, endpointId: ep.id, deliveryId: delivery.id })
        // The sweep delivers it all the same; a lost wake-up only delays it.
        .catch((error: unknown) => deps.logger?.warn('webhook queue send failed', { error }));
    }
  } catch (error) {
    deps.logger?.warn('webhook event not recorded', { type: e.type, error });
  }
}

/** The fields every assessment event carries: ids, names, status and the staff page's link. */
export function assessmentData(
  a: {
    id: string;
    status: string;
    vendor: { name: string };
    dataset: { name: string };
  },
  baseUrl: string | undefined,
): Record<string, unknown> {
  return {
    assessmentId: a.id,
    vendor: a.vendor.name,
    dataset: a.dataset.name,
    status: a.status,
    url: `${baseUrl ?? ''}/assessments/${encodeURIComponent(a.id)}`,
  };
}
