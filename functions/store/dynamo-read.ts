import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

/**
 * The table's reads by key: the only module a GetItem-only repository imports, so its function
 * bundles no other table command (infra/constructs/access.ts grants by bundle).
 */

/** The one method repositories need from the document client. */
export type DocClient = Pick<DynamoDBDocumentClient, 'send'>;

/** A table handle: client plus name. */
export interface Table {
  doc: DocClient;
  name: string;
}

/** Key attributes every item has; GSI attributes are optional. */
export interface Keys {
  PK: string;
  SK: string;
  GSI1PK?: string;
  GSI1SK?: string;
  GSI2PK?: string;
  GSI2SK?: string;
}

const keyNames = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'];

/** Removes key attributes so domain objects never carry them. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!keyNames.includes(k)) out[k] = v;
  return out as T;
}

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
