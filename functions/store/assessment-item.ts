import type { Assessment, AssessmentStatus } from '../core/assessment/types';
import { closedAt } from '../core/retention';
import { assessmentKeys } from './assessment-keys';
import type { AuditEvent } from './events';

/** Statuses in which a due date still matters (reminders, overdue). */
export const openStatuses: AssessmentStatus[] = ['invited', 'in_progress', 'changes_requested'];

/** GSI2 keys: open assessments by due date, closed ones awaiting retention by closing time. */
function gsi2(a: Assessment) {
  if (openStatuses.includes(a.status)) {
    return { GSI2PK: assessmentKeys.due, GSI2SK: `${a.dueAt}#${a.organizationId}#${a.id}` };
  }
  const closed = a.samplesPurgedAt ? null : closedAt(a);
  return closed
    ? { GSI2PK: assessmentKeys.purge, GSI2SK: `${closed}#${a.organizationId}#${a.id}` }
    : {};
}

/**
 * The table item of an assessment with its index keys (and the audit event that rides in it until
 * appended). Its own module, with no table command, so put-only writers can build items too.
 */
export function assessmentItem(a: Assessment, pendingEvent?: AuditEvent) {
  return {
    PK: assessmentKeys.pk(a.organizationId),
    SK: assessmentKeys.sk(a.id),
    GSI1PK: assessmentKeys.byStatus(a.organizationId, a.status),
    GSI1SK: a.id,
    ...gsi2(a),
    ...a,
    ...(pendingEvent ? { pendingEvent } : {}),
  };
}
