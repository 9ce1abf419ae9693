import type { RemediationItem } from '../core/assessment/contract/remediation';
import type { Table } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { putIfVersion } from './dynamo-write';
import { remediationKeys, remediationToItem } from './remediation-keys';

/** Saves `next` only if the stored version is `next.version - 1` (else StaleWriteError). */
export const saveRemediation = (table: Table, next: RemediationItem) =>
  putIfVersion(
    table,
    remediationToItem(next),
    next.version - 1,
    'The remediation item changed meanwhile; reload and try again.',
  );

/**
 * The sweep's repository: due items by Query, saves by conditional PutItem, so the scheduled
 * function that runs it needs no GetItem or UpdateItem.
 */
export function remediationSweepRepo(table: Table) {
  return {
    /** Items across organizations the sweep must act on by `now` (eventually consistent). */
    due: (now: string) =>
      queryAll<RemediationItem>(table, {
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :until',
        ExpressionAttributeValues: { ':pk': remediationKeys.sweep, ':until': `${now}~` },
      }),
    save: (next: RemediationItem) => saveRemediation(table, next),
  };
}
