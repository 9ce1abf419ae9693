import type { Assessment, AssessmentStatus } from '../core/assessment/types';
import { getItem, type Page, putIfVersion, putNew, queryAll, queryPage, stripKeys, type Table } from './dynamo';

/** Statuses in which a due date still matters (reminders, overdue). */
export const openStatuses: AssessmentStatus[] = ['invited', 'in_progress', 'changes_requested'];

/** Key builders for assessment items. */
export const assessmentKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (id: string) => `ASMT#${id}`,
  byStatus: (org: string, status: string) => `ORG#${org}#STATUS#${status}`,
  due: 'DUE',
};

function toItem(a: Assessment) {
  const open = openStatuses.includes(a.status);
  return {
    PK: assessmentKeys.pk(a.organizationId),
    SK: assessmentKeys.sk(a.id),
    GSI1PK: assessmentKeys.byStatus(a.organizationId, a.status),
    GSI1SK: a.id,
    ...(open ? { GSI2PK: assessmentKeys.due, GSI2SK: `${a.dueAt}#${a.organizationId}#${a.id}` } : {}),
    ...a,
  };
}

/** Assessment repository: create-if-absent, compare-and-set saves, paginated lists. */
export function assessmentRepo(table: Table) {
  return {
    /** Stores a new assessment (version 1). */
    create: (a: Assessment) => putNew(table, toItem(a), 'An assessment with this id already exists.'),
    /** Reads one assessment of `org`, or undefined. */
    async get(org: string, id: string): Promise<Assessment | undefined> {
      const item = await getItem(table, assessmentKeys.pk(org), assessmentKeys.sk(id));
      return item ? stripKeys<Assessment>(item) : undefined;
    },
    /** Saves `next` only if the stored version is `next.version - 1`. */
    save: (next: Assessment) =>
      putIfVersion(table, toItem(next), next.version - 1, 'The assessment changed meanwhile; reload and try again.'),
    /** Lists newest first, optionally by status. */
    list(org: string, options: { status?: AssessmentStatus; limit: number; cursor?: string }): Promise<Page<Assessment>> {
      if (options.status) {
        const pk = assessmentKeys.byStatus(org, options.status);
        return queryPage(
          table,
          {
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ScanIndexForward: false,
          },
          { limit: options.limit, cursor: options.cursor, partition: { attr: 'GSI1PK', value: pk } },
        );
      }
      const pk = assessmentKeys.pk(org);
      return queryPage(
        table,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': 'ASMT#' },
          ScanIndexForward: false,
        },
        { limit: options.limit, cursor: options.cursor, partition: { attr: 'PK', value: pk } },
      );
    },
    /** Open assessments due before `until` across organizations (for the reminder job only). */
    dueBefore(until: string): Promise<Assessment[]> {
      return queryAll<Assessment>(table, {
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :until',
        ExpressionAttributeValues: { ':pk': assessmentKeys.due, ':until': `${until}~` },
      });
    },
  };
}

/** The assessment repository's type. */
export type AssessmentRepo = ReturnType<typeof assessmentRepo>;
