import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffRole } from '../core/assessment/types';
import { queryAll, type Table } from './dynamo';
import { getLive } from './dynamo-read';
import { putIfVersion, putNew } from './dynamo-write';

/** A named API token of an organization. Only the SHA-256 of its secret is stored. */
export interface ApiToken {
  organizationId: string;
  id: string;
  name: string;
  role: StaffRole;
  secretHash: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt: string | null;
  /** When it was last used (written at most once a minute). */
  lastUsedAt?: string;
  version: number;
}

/** Keys of API tokens: one item per token in its organization's partition. */
export const apiTokenKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (id: string) => `APITOKEN#${id}`,
};

/** API token repository. */
export function apiTokenRepo(table: Table) {
  return {
    /** Stores a new token. */
    create: (t: ApiToken) =>
      putNew(
        table,
        { PK: apiTokenKeys.pk(t.organizationId), SK: apiTokenKeys.sk(t.id), ...t },
        'The token exists.',
      ),
    /** One token, or undefined. */
    get: (org: string, id: string) =>
      getLive<ApiToken>(table, apiTokenKeys.pk(org), apiTokenKeys.sk(id)),
    /** Every token of an organization, oldest first. */
    list: (org: string) =>
      queryAll<ApiToken>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': apiTokenKeys.pk(org), ':sk': 'APITOKEN#' },
      }),
    /** Saves a changed token (revocation) with compare-and-set on `version`. */
    save: (t: ApiToken, expected: number) =>
      putIfVersion(
        table,
        { PK: apiTokenKeys.pk(t.organizationId), SK: apiTokenKeys.sk(t.id), ...t },
        expected,
        'The token changed meanwhile.',
      ),
    /**
     * Records a use at `now` unless one was recorded after `since` (one conditional update, so
     * busy tokens write at most once per interval). True when written.
     */
    async touch(org: string, id: string, now: string, since: string): Promise<boolean> {
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: { PK: apiTokenKeys.pk(org), SK: apiTokenKeys.sk(id) },
            UpdateExpression: 'SET lastUsedAt = :now',
            ConditionExpression:
              'attribute_exists(PK) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :since)',
            ExpressionAttributeValues: { ':now': now, ':since': since },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}
