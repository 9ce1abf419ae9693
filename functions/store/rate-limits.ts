import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './dynamo';

/**
 * Key builders for failure counters: one item per (scope, client, fixed window). These items are
 * not tenant data (the caller is not yet known), so they live under their own `RATE#` partition.
 */
export const rateLimitKeys = {
  pk: (scope: string, client: string) => `RATE#${scope}#${client}`,
  sk: (windowStart: number) => `WINDOW#${windowStart}`,
  prefix: 'RATE#',
};

/** The TTL attribute (epoch seconds): DynamoDB deletes expired counters; locally a sweep does. */
export const ttlAttribute = 'ttl';

/** Counts of one client in the current and the previous window. */
export interface WindowCounts {
  current: number;
  previous: number;
}

/** Failure counters kept in the table, so every instance sees the same counts. */
export function rateLimitRepo(table: Table) {
  return {
    /** Reads the counts of `client` in the window starting at `windowStart` and the one before. */
    async counts(
      scope: string,
      client: string,
      windowStart: number,
      windowMs: number,
    ): Promise<WindowCounts> {
      const pk = rateLimitKeys.pk(scope, client);
      const keys = [windowStart, windowStart - windowMs].map((w) => ({
        PK: pk,
        SK: rateLimitKeys.sk(w),
      }));
      const out = await table.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [table.name]: {
              Keys: keys,
              ProjectionExpression: 'SK, #c',
              ExpressionAttributeNames: { '#c': 'count' },
            },
          },
        }),
      );
      const items = out.Responses?.[table.name] ?? [];
      const count = (w: number) =>
        Number(items.find((i) => i.SK === rateLimitKeys.sk(w))?.count ?? 0);
      return { current: count(windowStart), previous: count(windowStart - windowMs) };
    },

    /**
     * Adds one failure to the window (a single-item conditional update: it stops counting at
     * `cap`, so an attacker cannot grow the item) and sets its TTL past the next window.
     */
    async add(
      scope: string,
      client: string,
      windowStart: number,
      windowMs: number,
      cap: number,
    ): Promise<void> {
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: { PK: rateLimitKeys.pk(scope, client), SK: rateLimitKeys.sk(windowStart) },
            UpdateExpression: 'ADD #c :one SET #ttl = :ttl',
            ConditionExpression: 'attribute_not_exists(#c) OR #c < :cap',
            ExpressionAttributeNames: { '#c': 'count', '#ttl': ttlAttribute },
            ExpressionAttributeValues: {
              ':one': 1,
              ':cap': cap,
              ':ttl': Math.ceil((windowStart + 2 * windowMs) / 1000),
            },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}
