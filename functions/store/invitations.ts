import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { getItem, stripKeys, type Table } from './dynamo';
import { findInvitation, invitationKeys, saveInvitation } from './invitation-links';

export { invitationKeys } from './invitation-links';

/** The one live invitation of an assessment; only the token's hash is stored. */
export interface Invitation {
  organizationId: string;
  assessmentId: string;
  tokenHash: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** Hashes of the tokens this one replaced (newest last, a few kept), so an old link says "revoked". */
  replacedHashes?: string[];
  /**
   * Hashes of further links to the same invitation, each minted for one e-mail sent after it
   * (reminders, notices; the full token is never stored). They share `expiresAt` and `revokedAt`.
   */
  linkHashes?: string[];
  version: number;
}

/** Every hash that opens this invitation while it is live: the issued one and the e-mailed ones. */
export const liveHashes = (inv: Invitation): string[] => [inv.tokenHash, ...(inv.linkHashes ?? [])];

/** Invitation repository: issuing replaces (and so revokes) the previous token. */
export function invitationRepo(table: Table) {
  return {
    /** Stores `inv`, replacing any earlier invitation of the assessment. */
    async replace(inv: Invitation): Promise<void> {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: {
            PK: invitationKeys.pk(inv.organizationId),
            SK: invitationKeys.sk(inv.assessmentId),
            ...inv,
          },
        }),
      );
    },
    /** Reads the invitation by Query (for roles granted Query and PutItem only). */
    find: (org: string, assessmentId: string) => findInvitation(table, org, assessmentId),
    /** Reads the invitation of one assessment. */
    async get(org: string, assessmentId: string): Promise<Invitation | undefined> {
      const item = await getItem(table, invitationKeys.pk(org), invitationKeys.sk(assessmentId));
      return item ? stripKeys<Invitation>(item) : undefined;
    },
    /** Saves a changed invitation with compare-and-set on `version`. */
    save: (inv: Invitation) => saveInvitation(table, inv),
  };
}
