import { putNew, queryAll, type Table } from './dynamo';

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

/** Key builders for audit events. */
export const eventKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, at: string, id: string) => `EVT#${assessmentId}#${at}#${id}`,
  prefix: (assessmentId: string) => `EVT#${assessmentId}#`,
};

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
