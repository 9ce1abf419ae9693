import type { Table } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { putIfVersion } from './dynamo-write';
import type { Invitation } from './invitations';

/** Key builders for invitations. */
export const invitationKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string) => `INV#${assessmentId}`,
};

/** Reads the invitation of one assessment by Query (for roles granted Query and PutItem only). */
export async function findInvitation(
  table: Table,
  org: string,
  assessmentId: string,
): Promise<Invitation | undefined> {
  const items = await queryAll<Invitation>(table, {
    KeyConditionExpression: 'PK = :pk AND SK = :sk',
    ExpressionAttributeValues: {
      ':pk': invitationKeys.pk(org),
      ':sk': invitationKeys.sk(assessmentId),
    },
  });
  return items[0];
}

/** Saves a changed invitation with compare-and-set on `version` (one conditional PutItem). */
export const saveInvitation = (table: Table, inv: Invitation) =>
  putIfVersion(
    table,
    { PK: invitationKeys.pk(inv.organizationId), SK: invitationKeys.sk(inv.assessmentId), ...inv },
    inv.version - 1,
    'The invitation changed meanwhile; reload and try again.',
  );
