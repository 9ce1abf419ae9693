import type { WebhookDelivery } from '../webhooks/types';

/** Keys of endpoints and deliveries; a pending delivery is also on GSI2 by its next attempt. */
export const webhookKeys = {
  pk: (org: string) => `ORG#${org}`,
  endpoint: (id: string) => `WEBHOOK#${id}`,
  delivery: (endpointId: string, id: string) => `WHDELIVERY#${endpointId}#${id}`,
  due: 'WEBHOOK#DUE',
  dueSk: (d: Pick<WebhookDelivery, 'organizationId' | 'endpointId' | 'id'>, at: string) =>
    `${at}#${d.organizationId}#${d.endpointId}#${d.id}`,
};

/** A delivery as stored; a pending one is on GSI2 at its next attempt. */
export const deliveryItem = (d: WebhookDelivery) => ({
  PK: webhookKeys.pk(d.organizationId),
  SK: webhookKeys.delivery(d.endpointId, d.id),
  ...d,
  ...(d.status === 'pending' && d.nextAttemptAt
    ? { GSI2PK: webhookKeys.due, GSI2SK: webhookKeys.dueSk(d, d.nextAttemptAt) }
    : {}),
});
