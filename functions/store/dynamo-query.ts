import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../lib/errors';
import { stripKeys, type Table } from './dynamo-keys';

/** The table's queries and their cursors: QueryCommand alone, for query-only repository sets. */

/** A page of query results with an opaque cursor. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Encodes a LastEvaluatedKey as an opaque cursor. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

/** What a cursor must look like: its partition, and a pattern for each key attribute it holds. */
export interface CursorShape {
  partition: { attr: string; value: string };
  /** Every attribute the key has, with the pattern (or exact string) its value must match. */
  attrs?: Record<string, KeyPattern>;
}

/** A key attribute's expected value: a pattern or the exact string. */
export type KeyPattern = RegExp | string;

const matches = (p: KeyPattern | undefined, v: string) =>
  typeof p === 'string' ? v === p : p?.test(v) === true;

const plainKey = /^[\x20-\x7e]{1,1024}$/;

/** True when `key` is an object of exactly the expected string attributes, in the partition. */
function fitsShape(key: unknown, shape: CursorShape): key is Record<string, string> {
  if (typeof key !== 'object' || key === null || Array.isArray(key)) return false;
  const entries = Object.entries(key);
  const attrs: Record<string, KeyPattern> = shape.attrs ?? {
    PK: plainKey,
    SK: plainKey,
    [shape.partition.attr]: plainKey,
  };
  const names = Object.keys(attrs);
  return (
    entries.length === names.length &&
    entries.every(([k, v]) => typeof v === 'string' && matches(attrs[k], v)) &&
    (key as Record<string, unknown>)[shape.partition.attr] === shape.partition.value
  );
}

/** Decodes a cursor and checks its shape and partition (else 400: forged, foreign or damaged). */
export function decodeCursor(
  cursor: string | undefined,
  partition: { attr: string; value: string },
  attrs?: Record<string, KeyPattern>,
) {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!fitsShape(key, { partition, attrs })) {
    throw new ValidationError('The cursor is not valid for this list.', [
      { path: 'cursor', message: 'use the nextCursor value from the previous page, unchanged' },
    ]);
  }
  return key;
}

/** Runs one query page; `partition` names the partition attribute for cursor checks. */
export async function queryPage<T>(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>,
  options: {
    limit: number;
    cursor?: string;
    partition: { attr: string; value: string };
    /** The exact key attributes of a cursor for this query, each with its pattern. */
    attrs?: Record<string, KeyPattern>;
  },
): Promise<Page<T>> {
  const out = await table.doc.send(
    new QueryCommand({
      ...input,
      TableName: table.name,
      Limit: options.limit,
      ExclusiveStartKey: decodeCursor(options.cursor, options.partition, options.attrs),
    }),
  );
  return {
    items: (out.Items ?? []).map((i) => stripKeys<T>(i)),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  };
}

/** Reads every item of a query (for small, bounded partitions such as one assessment's events). */
export async function queryAll<T>(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(
      new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []).map((i) => stripKeys<T>(i)));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
