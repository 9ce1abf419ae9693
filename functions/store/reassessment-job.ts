import type { Assessment } from '../core/assessment/types';
import { ConflictError } from '../lib/errors';
import { assessmentItem } from './assessment-item';
import { assessmentFromItem, assessmentKeys } from './assessment-keys';
import type { Table } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { putIfVersion, putNew } from './dynamo-write';
import { eventKeys } from './event-keys';
import type { AuditEvent } from './events';
import { findInvitation, invitationKeys, saveInvitation } from './invitation-links';
import type { Invitation } from './invitations';
import { addOutboxMessage, type OutboxMessage } from './outbox-messages';
import { scheduledPolicies } from './policy-schedule';
import { reassessmentClaimRepo } from './reassessment-claims';

/** Appends an audit event once (a repeated append of the same event is no error). */
async function appendOnce(table: Table, e: AuditEvent): Promise<void> {
  try {
    await putNew(
      table,
      { PK: eventKeys.pk(e.organizationId), SK: eventKeys.sk(e.assessmentId, e.at, e.id), ...e },
      'Duplicate audit event id.',
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}

/** Assessment items of one organization by Query (with the audit event pending in each). */
function assessmentItems(table: Table, org: string, sk?: string) {
  return queryAll<Record<string, unknown>>(table, {
    KeyConditionExpression: sk ? 'PK = :pk AND SK = :sk' : 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': assessmentKeys.pk(org), ':sk': sk ?? 'ASMT#' },
  });
}

/**
 * The re-assessment job's repositories: Query and conditional PutItem only, so the scheduled
 * notify function's role needs no GetItem or UpdateItem (infra/constructs/access.ts). Writes
 * keep the API's item shape (assessment-item.ts) and its pending-event rule.
 */
export function reassessmentJobRepositories(table: Table) {
  return {
    schedules: { scheduled: () => scheduledPolicies(table) },
    reassessments: reassessmentClaimRepo(table),
    events: { append: (e: AuditEvent) => appendOnce(table, e) },
    outbox: { add: (m: OutboxMessage) => addOutboxMessage(table, m) },
    invitations: {
      get: (org: string, assessmentId: string) => findInvitation(table, org, assessmentId),
      /** The first invitation is created; a later one replaces the stored one by compare-and-set. */
      replace: (inv: Invitation) =>
        inv.version === 1
          ? putNew(
              table,
              {
                PK: invitationKeys.pk(inv.organizationId),
                SK: invitationKeys.sk(inv.assessmentId),
                ...inv,
              },
              'The invitation changed meanwhile.',
            )
          : saveInvitation(table, inv),
    },
    assessments: {
      /** Every assessment of one organization. */
      all: async (org: string): Promise<Assessment[]> =>
        (await assessmentItems(table, org)).map(assessmentFromItem),
      find: async (org: string, id: string): Promise<Assessment | undefined> => {
        const [item] = await assessmentItems(table, org, assessmentKeys.sk(id));
        return item ? assessmentFromItem(item) : undefined;
      },
      async create(a: Assessment, event: AuditEvent): Promise<void> {
        await putNew(table, assessmentItem(a, event), 'An assessment with this id already exists.');
        await appendOnce(table, event);
      },
      /** Compare-and-set save; the previous pending event is appended first, as the API does. */
      async save(next: Assessment, event: AuditEvent): Promise<void> {
        const [current] = await assessmentItems(
          table,
          next.organizationId,
          assessmentKeys.sk(next.id),
        );
        if (current?.pendingEvent) await appendOnce(table, current.pendingEvent as AuditEvent);
        await putIfVersion(
          table,
          assessmentItem(next, event),
          next.version - 1,
          'The assessment changed meanwhile; reload and try again.',
        );
        await appendOnce(table, event);
      },
    },
  };
}
