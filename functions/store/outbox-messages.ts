import { ConflictError } from '../lib/errors';
import type { Table } from './dynamo-keys';
import { putNew } from './dynamo-write';

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

/** Records a sent message (PutItem alone, for functions that only add to the outbox). */
export function addOutboxMessage(table: Table, m: OutboxMessage): Promise<void> {
  return putNew(
    table,
    { PK: outboxKeys.pk(m.organizationId), SK: outboxKeys.sk(m.at, m.id), ...m },
    'Duplicate message.',
  );
}

/** Claims `kind` for an assessment once (a conditional PutItem); false when already claimed. */
export async function claimOnce(
  table: Table,
  claim: { organizationId: string; assessmentId: string; kind: string; at: string },
): Promise<boolean> {
  try {
    await putNew(
      table,
      {
        PK: outboxKeys.pk(claim.organizationId),
        SK: outboxKeys.once(claim.assessmentId, claim.kind),
        at: claim.at,
      },
      'claimed',
    );
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}
