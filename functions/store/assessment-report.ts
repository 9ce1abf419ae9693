import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportSummary } from '../core/assessment/types';
import { StaleWriteError } from '../lib/errors';
import { getItem, type Keys, type Table } from './dynamo';
import type { AuditEvent } from './events';

/** How a report-summary write ended. */
export type SummaryWrite = 'saved' | 'newer' | 'decided' | 'missing';

const finalStatuses = ['approved', 'rejected'];

/**
 * Writes the report summary onto the assessment item WITHOUT bumping `version` (a reviewer's
 * compare-and-set stays valid), only while the stored summary is older and the assessment is not
 * decided. Its audit event rides in `pendingEvent` like every change: the previous pending event
 * is appended first and the write is conditioned on it still being the one there, so no event is
 * overwritten before it was appended. `append` adds the event afterwards (create-if-absent).
 */
export async function writeReportSummary(
  table: Table,
  key: { PK: string; SK: string },
  summary: ReportSummary,
  event: AuditEvent,
  append: (event: unknown) => Promise<void>,
): Promise<SummaryWrite> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const item = await getItem(table, key.PK, key.SK);
    if (!item) return 'missing';
    if (finalStatuses.includes(String(item.status))) return 'decided';
    const stored = item.report as ReportSummary | null | undefined;
    if ((stored?.version ?? 0) >= summary.version) return 'newer';
    const pending = item.pendingEvent as AuditEvent | undefined;
    if (pending) await append(pending);
    try {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: key,
          UpdateExpression: 'SET #r = :r, pendingEvent = :e',
          ConditionExpression: `attribute_exists(PK) AND (attribute_not_exists(#r.#rv) OR #r.#rv < :rv) AND NOT (#s IN (:approved, :rejected)) AND ${
            pending ? 'pendingEvent.#id = :pending' : 'attribute_not_exists(pendingEvent)'
          }`,
          ExpressionAttributeNames: {
            '#r': 'report',
            '#rv': 'version',
            '#s': 'status',
            ...(pending ? { '#id': 'id' } : {}),
          },
          ExpressionAttributeValues: {
            ':r': summary,
            ':e': event,
            ':rv': summary.version,
            ':approved': 'approved',
            ':rejected': 'rejected',
            ...(pending ? { ':pending': pending.id } : {}),
          },
        }),
      );
      await append(event);
      return 'saved';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw new StaleWriteError(
    'The report summary could not be stored: the assessment kept changing.',
  );
}

/**
 * Replaces the assessment item only if its stored `version` is `expected` and its stored report
 * summary is no newer than the item's. A re-score may have written a newer summary meanwhile
 * (without a version bump): then the stored summary is kept and the put tried again, so a
 * reviewer's change never erases a report. Any other lost race is a StaleWriteError(`message`).
 */
export async function putKeepingReport<T extends Keys & { version: number; report?: unknown }>(
  table: Table,
  item: T,
  expected: number,
  message: string,
  beforeRetry: (stored: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  let next = item;
  for (let attempt = 0; attempt < 5; attempt++) {
    const rv = (next.report as ReportSummary | null | undefined)?.version ?? 0;
    try {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: next,
          ConditionExpression: '#v = :expected AND (attribute_not_exists(#r.#v) OR #r.#v <= :rv)',
          ExpressionAttributeNames: { '#v': 'version', '#r': 'report' },
          ExpressionAttributeValues: { ':expected': expected, ':rv': rv },
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const stored = await getItem(table, item.PK, item.SK);
      if (!stored || stored.version !== expected)
        throw new StaleWriteError(message, { cause: error });
      // Only the summary moved: flush the re-score's pending event, keep its summary, try again.
      await beforeRetry(stored);
      next = { ...next, report: stored.report };
    }
  }
  throw new StaleWriteError(message);
}
