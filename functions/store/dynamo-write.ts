import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, StaleWriteError } from '../lib/errors';
import type { Keys, Table } from './dynamo-keys';

/**
 * The table's conditional puts: the only write module a put-only repository set imports, so its
 * function bundles PutItem and no UpdateItem or Query (infra/constructs/access.ts grants by bundle).
 */

function translate(error: unknown, message: string): never {
  if (error instanceof ConditionalCheckFailedException)
    throw new ConflictError(message, { cause: error });
  throw error;
}

/** Creates `item` only if no item has its key; otherwise ConflictError(message). */
export async function putNew<T extends Keys>(
  table: Table,
  item: T,
  message: string,
): Promise<void> {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: item,
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    translate(error, message);
  }
}

/** Replaces `item` only if the stored `version` equals `expected` (compare-and-set). */
export async function putIfVersion<T extends Keys & { version: number }>(
  table: Table,
  item: T,
  expected: number,
  message: string,
): Promise<void> {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: item,
        ConditionExpression: '#v = :expected',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':expected': expected },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException)
      throw new StaleWriteError(message, { cause: error });
    throw error;
  }
}
