import { putNew, queryAll, type Table } from './dynamo';
import { eventKeys } from './event-keys';

export { eventKeys } from './event-keys';

/** One append-only audit event. */
export interface AuditEvent {
  id: string;
  organizationId: string;
  assessmentId: string;
  at: string;
  actor: string;
  role: string;
  type: string;
  detail: Record<string, unknown>;
}

/** Audit events: appended with create-if-absent, never updated or deleted. */
export function eventRepo(table: Table) {
  return {
    /** Appends one event. */
    append: (e: AuditEvent) =>
      putNew(
        table,
        { PK: eventKeys.pk(e.organizationId), SK: eventKeys.sk(e.assessmentId, e.at, e.id), ...e },
        'Duplicate audit event id.',
      ),
    /** All events of one assessment, oldest first. */
    list: (org: string, assessmentId: string) =>
      queryAll<AuditEvent>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: {
          ':pk': eventKeys.pk(org),
          ':sk': eventKeys.prefix(assessmentId),
        },
      }),
  };
}
