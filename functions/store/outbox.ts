import { ConflictError } from '../lib/errors';
import { putNew, queryAll, type Table } from './dynamo';

/** A notification as it would be e-mailed. */
export interface OutboxMessage {
  id: string;
  organizationId: string;
  at: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  assessmentId: string;
}

/** Key builders for the outbox and the once-only reminder markers. */
export const outboxKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (at: string, id: string) => `MAIL#${at}#${id}`,
  once: (assessmentId: string, kind: string) => `ONCE#${assessmentId}#${kind}`,
};

/** Outbox repository: the record of every notification, and once-only claims for reminders. */
export function outboxRepo(table: Table) {
  return {
    /** Records a sent message. */
    add: (m: OutboxMessage) =>
      putNew(
        table,
        { PK: outboxKeys.pk(m.organizationId), SK: outboxKeys.sk(m.at, m.id), ...m },
        'Duplicate message.',
      ),
    /** Every message of an organization, oldest first. */
    list: (org: string) =>
      queryAll<OutboxMessage>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': outboxKeys.pk(org), ':sk': 'MAIL#' },
      }),
    /** Claims `kind` for an assessment; false when it was claimed before (so it is sent once). */
    async claimOnce(org: string, assessmentId: string, kind: string, at: string): Promise<boolean> {
      try {
        await putNew(
          table,
          { PK: outboxKeys.pk(org), SK: outboxKeys.once(assessmentId, kind), at },
          'claimed',
        );
        return true;
      } catch (error) {
        if (error instanceof ConflictError) return false;
        throw error;
      }
    },
  };
}
