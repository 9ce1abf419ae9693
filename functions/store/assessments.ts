import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Assessment, AssessmentStatus, ReportSummary } from '../core/assessment/types';
import { ConflictError } from '../lib/errors';
import { dueAssessments } from './assessment-due';
import { assessmentItem as toItem } from './assessment-item';
import { assessmentFromItem, assessmentKeys } from './assessment-keys';
import { getAssessment } from './assessment-lookups';
import { putKeepingReport, writeReportSummary } from './assessment-report';
import { getItem, type Page, putNew, queryPage, type Table } from './dynamo';
import { type AuditEvent, eventRepo } from './events';

export { openStatuses } from './assessment-item';
export { assessmentKeys } from './assessment-keys';

const idPattern = /^[a-z0-9]{26}$/;
const skPattern = /^ASMT#[a-z0-9]{26}$/;

/** Assessment repository: create-if-absent, compare-and-set saves, paginated lists. */
export function assessmentRepo(table: Table) {
  const events = eventRepo(table);
  const appendOnce = async (event: unknown) => {
    try {
      await events.append(event as AuditEvent);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  };
  const listPage = (
    org: string,
    options: { status?: AssessmentStatus; limit: number; cursor?: string },
  ): Promise<Page<Record<string, unknown>>> => {
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
        {
          limit: options.limit,
          cursor: options.cursor,
          partition: { attr: 'GSI1PK', value: pk },
          attrs: { GSI1PK: pk, GSI1SK: idPattern, PK: assessmentKeys.pk(org), SK: skPattern },
        },
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
      {
        limit: options.limit,
        cursor: options.cursor,
        partition: { attr: 'PK', value: pk },
        attrs: { PK: pk, SK: skPattern },
      },
    );
  };
  return {
    /** Stores a new assessment (version 1) and its creation event. */
    async create(a: Assessment, event: AuditEvent): Promise<void> {
      await putNew(table, toItem(a, event), 'An assessment with this id already exists.');
      await appendOnce(event);
    },
    /** Reads one assessment of `org`, or undefined. */
    get: (org: string, id: string) => getAssessment(table, org, id),
    /**
     * Saves `next` only if the stored version is `next.version - 1`, together with its audit event.
     * Without transactions the event rides in the item (`pendingEvent`) and is appended after the
     * write; the previous pending event is flushed first, so no event is lost if a process dies.
     */
    async save(next: Assessment, event: AuditEvent): Promise<void> {
      const current = await getItem(
        table,
        assessmentKeys.pk(next.organizationId),
        assessmentKeys.sk(next.id),
      );
      if (current?.pendingEvent) await appendOnce(current.pendingEvent);
      await putKeepingReport(
        table,
        toItem(next, event),
        next.version - 1,
        'The assessment changed meanwhile; reload and try again.',
        async (stored) => {
          if (stored.pendingEvent) await appendOnce(stored.pendingEvent);
        },
      );
      await appendOnce(event);
    },
    /** Stores a newer report summary without a version bump (see `writeReportSummary`). */
    saveReport(
      a: Pick<Assessment, 'organizationId' | 'id'>,
      summary: ReportSummary,
      event: AuditEvent,
    ) {
      const key = { PK: assessmentKeys.pk(a.organizationId), SK: assessmentKeys.sk(a.id) };
      return writeReportSummary(table, key, summary, event, appendOnce);
    },
    /** Events of one assessment, including a pending one not yet appended. */
    async events(org: string, id: string): Promise<AuditEvent[]> {
      const [logged, item] = await Promise.all([
        events.list(org, id),
        getItem(table, assessmentKeys.pk(org), assessmentKeys.sk(id)),
      ]);
      const pending = item?.pendingEvent as AuditEvent | undefined;
      if (pending && !logged.some((e) => e.id === pending.id)) logged.push(pending);
      return logged;
    },
    /** Lists newest first, optionally by status. */
    async list(
      org: string,
      options: { status?: AssessmentStatus; limit: number; cursor?: string },
    ): Promise<Page<Assessment>> {
      const page = await listPage(org, options);
      return { ...page, items: page.items.map(assessmentFromItem) };
    },
    /** Open assessments due before `until` across organizations (for the reminder job only). */
    dueBefore: (until: string) => dueAssessments(table, until),
    /**
     * Up to `limit` closed assessments whose samples were not deleted yet, closed before `cutoff`
     * across organizations, oldest first (for the retention sweep only; eventually consistent).
     */
    async closedBefore(cutoff: string, limit: number): Promise<Assessment[]> {
      const out = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :cutoff',
          ExpressionAttributeValues: { ':pk': assessmentKeys.purge, ':cutoff': cutoff },
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map(assessmentFromItem);
    },
  };
}

/** The assessment repository's type. */
export type AssessmentRepo = ReturnType<typeof assessmentRepo>;
