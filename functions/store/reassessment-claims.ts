import type { DueClaim } from '../core/assessment/reassessment';
import { ConflictError } from '../lib/errors';
import { stripKeys, type Table } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { putIfVersion, putNew } from './dynamo-write';

/** Key builders for the re-assessment due records and the schedule index. */
export const reassessmentKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, dueOn: string) => `REASSESS#${assessmentId}#${dueOn}`,
  prefix: 'REASSESS#',
  /** GSI2 partition of the current policy items whose re-assessment schedule is on. */
  scheduled: 'REASSESS',
};

const toItem = (c: DueClaim) => ({
  PK: reassessmentKeys.pk(c.organizationId),
  SK: reassessmentKeys.sk(c.assessmentId, c.dueOn),
  ...c,
});

/**
 * The due records: one per (approved assessment, due date), created with a single conditional
 * PutItem (dynalite has no transactions), changed with compare-and-set, read by Query. PutItem
 * and Query only, so the scheduled function's role needs nothing more.
 */
export function reassessmentClaimRepo(table: Table) {
  return {
    /** Creates the record unless one exists for its key; false when another run was first. */
    async claim(c: DueClaim): Promise<boolean> {
      try {
        await putNew(table, toItem(c), 'This due date is already recorded.');
        return true;
      } catch (error) {
        if (error instanceof ConflictError) return false;
        throw error;
      }
    },
    /** Saves `next` only if the stored version is `next.version - 1` (else StaleWriteError). */
    save: (next: DueClaim) =>
      putIfVersion(
        table,
        toItem(next),
        next.version - 1,
        'The re-assessment record changed meanwhile; reload and try again.',
      ),
    /** Every due record of one organization. */
    async list(org: string): Promise<DueClaim[]> {
      const items = await queryAll<Record<string, unknown>>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: {
          ':pk': reassessmentKeys.pk(org),
          ':sk': reassessmentKeys.prefix,
        },
      });
      return items.map((i) => stripKeys<DueClaim>(i));
    },
  };
}

/** The reassessment repository's type. */
export type ReassessmentClaimRepo = ReturnType<typeof reassessmentClaimRepo>;
