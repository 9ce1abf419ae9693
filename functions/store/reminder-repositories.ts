import type { VendorContact } from '../core/assessment/contacts';
import { dueAssessments } from './assessment-due';
import { listContacts, saveContact } from './contact-keys';
import type { Table } from './dynamo-keys';
import { findInvitation, saveInvitation } from './invitation-links';
import type { Invitation } from './invitations';
import { addOutboxMessage, claimOnce, type OutboxMessage } from './outbox-messages';
import { webhookEmitRepo } from './webhook-emit';

/**
 * The repository set of the reminder job: due assessments queried, each reminder claimed once
 * and its copy added to the outbox. Query and PutItem only, so its role holds no GetItem or
 * UpdateItem.
 */
export function reminderRepositories(table: Table) {
  return {
    // Read by Query, saved by a conditional PutItem: each reminder adds its link's hash.
    invitations: {
      get: (org: string, assessmentId: string) => findInvitation(table, org, assessmentId),
      save: (inv: Invitation) => saveInvitation(table, inv),
    },
    // Listed by Query, saved by a conditional PutItem: a reminder to a contact adds its link's hash.
    contacts: {
      list: (org: string, assessmentId: string) => listContacts(table, org, assessmentId),
      save: (contact: VendorContact) => saveContact(table, contact),
    },
    assessments: { dueBefore: (until: string) => dueAssessments(table, until) },
    outbox: {
      add: (m: OutboxMessage) => addOutboxMessage(table, m),
      claimOnce: (org: string, assessmentId: string, kind: string, at: string) =>
        claimOnce(table, { organizationId: org, assessmentId, kind, at }),
    },
    // reminder.due events for webhook endpoints (Query and PutItem).
    webhooks: webhookEmitRepo(table),
  };
}
