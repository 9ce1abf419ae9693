import type { WebhookDelivery, WebhookEndpoint } from '../webhooks/types';
import type { Table } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { putNew } from './dynamo-write';
import { deliveryItem, webhookKeys } from './webhook-keys';

/**
 * What emitting an event needs (Query and PutItem only, so the reminder job's role can hold it):
 * the organization's endpoints, and a new pending delivery.
 */
export function webhookEmitRepo(table: Table) {
  return {
    /** Every endpoint of an organization, deleted ones included. */
    list: (org: string) =>
      queryAll<WebhookEndpoint>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': webhookKeys.pk(org), ':sk': 'WEBHOOK#' },
      }),
    /** Records a new delivery (pending: on the due index at its first attempt). */
    addDelivery: (d: WebhookDelivery) => putNew(table, deliveryItem(d), 'Duplicate delivery.'),
  };
}
