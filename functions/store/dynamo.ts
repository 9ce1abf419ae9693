import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../lib/errors';
import type { Table } from './dynamo-keys';

export {
  type CursorShape,
  decodeCursor,
  encodeCursor,
  type KeyPattern,
  type Page,
  queryAll,
  queryPage,
} from './dynamo-query';
export { type DocClient, getItem, type Keys, stripKeys, type Table } from './dynamo-read';
export { putIfVersion, putNew } from './dynamo-write';

/**
 * Retires an item with a tombstone (`deletedAt`) and a version bump, never a DeleteItem: no
 * function may delete items, so the append-only audit trail stays so. Without `version` it is
 * idempotent (an absent or already retired item is left alone); with it, the write happens only
 * while the stored version is `version`, else ConflictError(`conflict`). True when this call
 * retired it (so a concurrent retirement gives a counted slot back only once).
 */
export async function tombstone(
  table: Table,
  key: { PK: string; SK: string },
  at: string,
  expected?: { version: number; conflict: string },
): Promise<boolean> {
  try {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.name,
        Key: key,
        UpdateExpression: 'SET deletedAt = :at, #v = #v + :one',
        ConditionExpression: expected
          ? '#v = :v AND attribute_not_exists(deletedAt)'
          : 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: {
          ':at': at,
          ':one': 1,
          ...(expected ? { ':v': expected.version } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (expected) throw new ConflictError(expected.conflict, { cause: error });
    return false;
  }
}
