import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DocClient } from '../store/dynamo';
import { rateLimitKeys, ttlAttribute } from '../store/rate-limits';

/**
 * Deletes expired rate-limit counters. DynamoDB does this itself from the TTL attribute; dynalite
 * has no TTL, so the local runtime sweeps (a Scan: local only, off every request path).
 */
export async function sweepExpired(doc: DocClient, table: string, now: Date): Promise<number> {
  let removed = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'begins_with(PK, :p) AND #ttl < :now',
        ExpressionAttributeNames: { '#ttl': ttlAttribute },
        ExpressionAttributeValues: {
          ':p': rateLimitKeys.prefix,
          ':now': Math.floor(now.getTime() / 1000),
        },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      await doc.send(new DeleteCommand({ TableName: table, Key: { PK: item.PK, SK: item.SK } }));
      removed++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return removed;
}
