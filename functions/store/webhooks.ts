import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WebhookDelivery, WebhookEndpoint } from '../webhooks/types';
import { queryAll, queryPage, type Table } from './dynamo';
import { getLive } from './dynamo-read';
import { putIfVersion, putNew } from './dynamo-write';
import { webhookEmitRepo } from './webhook-emit';
import { deliveryItem, webhookKeys } from './webhook-keys';

export { webhookKeys } from './webhook-keys';

/** Webhook endpoints and their delivery log (GetItem, PutItem, Query, UpdateItem). */
export function webhookRepo(table: Table) {
  return {
    /** Registers an endpoint. */
    create: (e: WebhookEndpoint) =>
      putNew(
        table,
        { PK: webhookKeys.pk(e.organizationId), SK: webhookKeys.endpoint(e.id), ...e },
        'The endpoint exists.',
      ),
    /** One endpoint (deleted ones included: their deliveries stay readable). */
    get: (org: string, id: string) =>
      getLive<WebhookEndpoint>(table, webhookKeys.pk(org), webhookKeys.endpoint(id)),
    ...webhookEmitRepo(table),
    /** Saves a changed endpoint if nobody changed it since it was read at `expected`. */
    save: (e: WebhookEndpoint, expected: number) =>
      putIfVersion(
        table,
        { PK: webhookKeys.pk(e.organizationId), SK: webhookKeys.endpoint(e.id), ...e },
        expected,
        'The endpoint changed meanwhile.',
      ),
    /** One delivery. */
    getDelivery: (org: string, endpointId: string, id: string) =>
      getLive<WebhookDelivery>(table, webhookKeys.pk(org), webhookKeys.delivery(endpointId, id)),
    /** An endpoint's deliveries, newest first. */
    deliveries: (org: string, endpointId: string, options: { limit: number; cursor?: string }) =>
      queryPage<WebhookDelivery>(
        table,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: {
            ':pk': webhookKeys.pk(org),
            ':sk': `WHDELIVERY#${endpointId}#`,
          },
          ScanIndexForward: false,
        },
        { ...options, partition: { attr: 'PK', value: webhookKeys.pk(org) } },
      ),
    /** Pending deliveries whose next attempt is at or before `until`, across organizations. */
    due: (until: string, limit = 100) =>
      queryAll<WebhookDelivery>(table, {
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :until',
        ExpressionAttributeValues: { ':pk': webhookKeys.due, ':until': `${until}~` },
        Limit: limit,
      }),
    /**
     * Claims the next attempt of a pending delivery until `leaseUntil` (one conditional update);
     * false when it is no longer pending at `version` or another worker holds it.
     */
    async claim(d: WebhookDelivery, now: string, leaseUntil: string): Promise<boolean> {
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: {
              PK: webhookKeys.pk(d.organizationId),
              SK: webhookKeys.delivery(d.endpointId, d.id),
            },
            UpdateExpression: 'SET leaseUntil = :until, #v = #v + :one',
            ConditionExpression:
              '#v = :v AND #s = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
            ExpressionAttributeNames: { '#v': 'version', '#s': 'status' },
            ExpressionAttributeValues: {
              ':until': leaseUntil,
              ':one': 1,
              ':v': d.version,
              ':pending': 'pending',
              ':now': now,
            },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    /** Stores the outcome of an attempt made under a claim taken at `expected`. */
    async saveDelivery(d: WebhookDelivery, expected: number): Promise<void> {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: deliveryItem(d),
          ConditionExpression: '#v = :expected',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':expected': expected },
        }),
      );
    },
  };
}

/** The webhook repository's type. */
export type WebhookRepo = ReturnType<typeof webhookRepo>;
