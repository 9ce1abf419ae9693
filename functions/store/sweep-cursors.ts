import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { getItem, type Table } from './dynamo-read';

/**
 * Where a bounded sweep stopped, per listing, so the next run goes on from there. One item per
 * listing (`PK = SWEEP#<sweep>`, `SK = <listing>`): not tenant data, so not under `ORG#`.
 */
export const sweepCursorKeys = {
  pk: (sweep: string) => `SWEEP#${sweep}`,
  sk: (listing: string) => listing,
};

/** Reads and writes the cursors of one sweep. */
export interface SweepCursors {
  get(listing: string): Promise<string | undefined>;
  /** Stores where to go on; undefined starts the listing from its beginning next time. */
  set(listing: string, cursor: string | undefined): Promise<void>;
}

/** The cursors of sweep `sweep` in the table (last writer wins: one sweep runs at a time). */
export function sweepCursorRepo(table: Table, sweep: string): SweepCursors {
  return {
    async get(listing) {
      const item = await getItem(table, sweepCursorKeys.pk(sweep), sweepCursorKeys.sk(listing));
      return typeof item?.cursor === 'string' && item.cursor ? item.cursor : undefined;
    },
    async set(listing, cursor) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: {
            PK: sweepCursorKeys.pk(sweep),
            SK: sweepCursorKeys.sk(listing),
            cursor: cursor ?? '',
          },
        }),
      );
    },
  };
}
