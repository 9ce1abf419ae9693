import { queryAll, type Table } from './dynamo';
import { addOutboxMessage, claimOnce, type OutboxMessage, outboxKeys } from './outbox-messages';

export { type OutboxMessage, outboxKeys } from './outbox-messages';

/** Outbox repository: the record of every notification, and once-only claims for reminders. */
export function outboxRepo(table: Table) {
  return {
    /** Records a sent message. */
    add: (m: OutboxMessage) => addOutboxMessage(table, m),
    /** Every message of an organization, oldest first. */
    list: (org: string) =>
      queryAll<OutboxMessage>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': outboxKeys.pk(org), ':sk': 'MAIL#' },
      }),
    /** Claims `kind` for an assessment; false when it was claimed before (so it is sent once). */
    claimOnce: (org: string, assessmentId: string, kind: string, at: string) =>
      claimOnce(table, { organizationId: org, assessmentId, kind, at }),
  };
}
