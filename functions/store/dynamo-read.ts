import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { stripKeys, type Table } from './dynamo-keys';

export { type DocClient, type Keys, stripKeys, type Table } from './dynamo-keys';

/**
 * The table's reads by key: the only module a GetItem-only repository imports, so its function
 * bundles no other table command (infra/constructs/access.ts grants by bundle).
 */

/** Reads one item by key, or undefined. */
export async function getItem(
  table: Table,
  PK: string,
  SK: string,
): Promise<Record<string, unknown> | undefined> {
  const out = await table.doc.send(
    new GetCommand({ TableName: table.name, Key: { PK, SK }, ConsistentRead: true }),
  );
  return out.Item;
}

/** Reads one item by key unless it is absent or retired (a tombstone's `deletedAt`), keys stripped. */
export async function getLive<T>(table: Table, PK: string, SK: string): Promise<T | undefined> {
  const item = await getItem(table, PK, SK);
  return item && !item.deletedAt ? stripKeys<T>(item) : undefined;
}
