import type { RemediationItem } from '../core/assessment/contract/remediation';
import { ConflictError } from '../lib/errors';
import { getItem, putNew, queryAll, stripKeys, type Table } from './dynamo';
import { remediationKeys, remediationToItem } from './remediation-keys';
import { remediationSweepRepo, saveRemediation } from './remediation-sweep';

export { remediationKeys } from './remediation-keys';

/** Remediation items: create-if-absent and compare-and-set, each its own item (no transactions). */
export function remediationRepo(table: Table) {
  return {
    /** Stores a new item; false when it already exists (a re-check of the same delivery). */
    async create(r: RemediationItem): Promise<boolean> {
      try {
        await putNew(table, remediationToItem(r), 'exists');
        return true;
      } catch (error) {
        if (error instanceof ConflictError) return false;
        throw error;
      }
    },
    /** Saves `next` only if the stored version is `next.version - 1` (else StaleWriteError). */
    save: (next: RemediationItem) => saveRemediation(table, next),
    /** One item, or undefined. */
    async get(org: string, assessmentId: string, itemId: string) {
      const item = await getItem(
        table,
        remediationKeys.pk(org),
        remediationKeys.sk(assessmentId, itemId),
      );
      return item ? stripKeys<RemediationItem>(item) : undefined;
    },
    /** Every item of an assessment, by id. */
    list: (org: string, assessmentId: string) =>
      queryAll<RemediationItem>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: {
          ':pk': remediationKeys.pk(org),
          ':sk': remediationKeys.prefix(assessmentId),
        },
      }),
    due: remediationSweepRepo(table).due,
  };
}

/** The remediation repository's type. */
export type RemediationRepo = ReturnType<typeof remediationRepo>;
