import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { getItem, stripKeys, type Table } from './dynamo';

/**
 * A public, revocable link to the signed summary of an approved assessment. Only the token's
 * SHA-256 is stored; one item per token (found by the public route), one per assessment (its
 * current link, found to revoke it).
 */
export interface Passport {
  tokenHash: string;
  organizationId: string;
  assessmentId: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

/** Keys of the two items a passport is kept as. */
export const passportKeys = {
  byToken: (tokenHash: string) => ({ PK: `PASSPORT#${tokenHash}`, SK: 'PASSPORT' }),
  byAssessment: (org: string, assessmentId: string) => ({
    PK: `PASSPORTS#${org}`,
    SK: `ASSESSMENT#${assessmentId}`,
  }),
};

/** Passport repository (PutItem and GetItem only: a revoked link is kept, marked revoked). */
export function passportRepo(table: Table) {
  const put = async (keys: { PK: string; SK: string }, p: Passport) => {
    await table.doc.send(new PutCommand({ TableName: table.name, Item: { ...keys, ...p } }));
  };
  const get = async (keys: { PK: string; SK: string }) => {
    const item = await getItem(table, keys.PK, keys.SK);
    return item ? stripKeys<Passport>(item) : undefined;
  };
  return {
    /** Stores the passport under its token and as its assessment's current link. */
    async save(p: Passport): Promise<void> {
      await put(passportKeys.byToken(p.tokenHash), p);
      await put(passportKeys.byAssessment(p.organizationId, p.assessmentId), p);
    },
    /** The passport a token hash opens, revoked or not. */
    byToken: (tokenHash: string) => get(passportKeys.byToken(tokenHash)),
    /** The assessment's current passport, if one was ever made. */
    current: (org: string, assessmentId: string) =>
      get(passportKeys.byAssessment(org, assessmentId)),
  };
}
