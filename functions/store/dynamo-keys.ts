import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The table handle and item keys, with no table command (every store module can import it). */

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
