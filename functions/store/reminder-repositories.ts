import { dueAssessments } from './assessment-due';
import type { Table } from './dynamo-keys';
import { invitationRepo } from './invitations';
import { addOutboxMessage, claimOnce, type OutboxMessage } from './outbox-messages';

/**
 * The repository set of the reminder job: due assessments queried, each reminder claimed once
 * and its copy added to the outbox. Query and PutItem only, so its role holds no GetItem or
 * UpdateItem.
 */
export function reminderRepositories(table: Table) {
  const invitations = invitationRepo(table);
  return {
    // Read by Query, saved by a conditional PutItem: each reminder adds its link's hash.
    invitations: { get: invitations.find, save: invitations.save },
    assessments: { dueBefore: (until: string) => dueAssessments(table, until) },
    outbox: {
      add: (m: OutboxMessage) => addOutboxMessage(table, m),
      claimOnce: (org: string, assessmentId: string, kind: string, at: string) =>
        claimOnce(table, { organizationId: org, assessmentId, kind, at }),
    },
  };
}
