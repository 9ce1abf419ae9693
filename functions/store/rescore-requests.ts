import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getItem, type Table } from './dynamo';

/**
 * Key builders for re-score requests: one item per assessment. While a request is pending it sits
 * in the sparse GSI2 partition `RESCORE`, so a restarted local runtime finds what it must finish.
 */
export const rescoreKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string) => `RESCORE#${assessmentId}`,
  pending: 'RESCORE',
};

/** The request record: `requested` counts requests, `done` the generation last scored. */
export interface RescoreRequest {
  organizationId: string;
  assessmentId: string;
  requested: number;
  done: number;
  /** What asked for the runs not yet done (submission, analysis, reference, sample deleted). */
  triggers: string[];
  requestedAt: string;
  /** Held by a running worker until `leaseUntil` (epoch ms). */
  leaseId?: string;
  leaseUntil?: number;
}

/** A claimed run: the generation it covers and what asked for it. */
export interface RescoreClaim {
  generation: number;
  triggers: string[];
}

const swallow = (error: unknown): undefined => {
  if (error instanceof ConditionalCheckFailedException) return undefined;
  throw error;
};

function fromItem(item: Record<string, unknown>): RescoreRequest {
  const triggers = item.triggers instanceof Set ? [...(item.triggers as Set<string>)] : [];
  return {
    organizationId: String(item.organizationId),
    assessmentId: String(item.assessmentId),
    requested: Number(item.requested ?? 0),
    done: Number(item.done ?? 0),
    triggers: triggers.sort(),
    requestedAt: String(item.requestedAt ?? ''),
    ...(typeof item.leaseId === 'string' ? { leaseId: item.leaseId } : {}),
    ...(typeof item.leaseUntil === 'number' ? { leaseUntil: item.leaseUntil } : {}),
  };
}

/** Re-score requests: single-item conditional updates only (no transactions, TTL or streams). */
export function rescoreRequestRepo(table: Table) {
  const key = (org: string, id: string) => ({ PK: rescoreKeys.pk(org), SK: rescoreKeys.sk(id) });
  const update = (input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>) =>
    table.doc.send(new UpdateCommand({ TableName: table.name, ...input }));
  return {
    /** Counts one more request (a new generation) and marks the record pending. */
    async request(org: string, id: string, trigger: string, at: string): Promise<RescoreRequest> {
      const out = await update({
        Key: key(org, id),
        UpdateExpression:
          'ADD requested :one, triggers :t SET done = if_not_exists(done, :zero), organizationId = :o, assessmentId = :a, requestedAt = :at, GSI2PK = :p, GSI2SK = if_not_exists(GSI2SK, :sk)',
        ExpressionAttributeValues: {
          ':one': 1,
          ':zero': 0,
          ':t': new Set([trigger]),
          ':o': org,
          ':a': id,
          ':at': at,
          ':p': rescoreKeys.pending,
          ':sk': `${at}#${org}#${id}`,
        },
        ReturnValues: 'ALL_NEW',
      });
      return fromItem(out.Attributes ?? {});
    },
    /** The record of one assessment, or undefined when no re-score was ever requested. */
    async get(org: string, id: string): Promise<RescoreRequest | undefined> {
      const item = await getItem(table, rescoreKeys.pk(org), rescoreKeys.sk(id));
      return item ? fromItem(item) : undefined;
    },
    /** Takes the lease when work is pending and no live lease exists; undefined otherwise. */
    async claim(
      org: string,
      id: string,
      lease: { id: string; now: number; until: number },
    ): Promise<RescoreClaim | undefined> {
      const out = await update({
        Key: key(org, id),
        UpdateExpression: 'SET leaseId = :l, leaseUntil = :u',
        ConditionExpression:
          'attribute_exists(PK) AND done < requested AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeValues: { ':l': lease.id, ':u': lease.until, ':now': lease.now },
        ReturnValues: 'ALL_NEW',
      }).catch(swallow);
      if (!out) return undefined;
      const r = fromItem(out.Attributes ?? {});
      return { generation: r.requested, triggers: r.triggers };
    },
    /**
     * Records `claim` done and gives the lease back. Returns true when requests arrived meanwhile
     * (run once more), false when none did or the lease was lost to a takeover.
     */
    async finish(org: string, id: string, leaseId: string, claim: RescoreClaim): Promise<boolean> {
      const values = { ':l': leaseId, ':g': claim.generation };
      const triggers = claim.triggers.length > 0 ? ' DELETE triggers :t' : '';
      const tv = claim.triggers.length > 0 ? { ':t': new Set(claim.triggers) } : {};
      const last = await update({
        Key: key(org, id),
        UpdateExpression: `SET done = :g REMOVE leaseId, leaseUntil, GSI2PK, GSI2SK${triggers}`,
        ConditionExpression: 'leaseId = :l AND requested = :g',
        ExpressionAttributeValues: { ...values, ...tv },
      }).catch(swallow);
      if (last) return false;
      const more = await update({
        Key: key(org, id),
        UpdateExpression: `SET done = :g REMOVE leaseId, leaseUntil${triggers}`,
        ConditionExpression: 'leaseId = :l',
        ExpressionAttributeValues: { ...values, ...tv },
      }).catch(swallow);
      return more !== undefined;
    },
    /** Gives the lease back after a failed run, so a retry need not wait for it to expire. */
    async release(org: string, id: string, leaseId: string): Promise<void> {
      await update({
        Key: key(org, id),
        UpdateExpression: 'REMOVE leaseId, leaseUntil',
        ConditionExpression: 'leaseId = :l',
        ExpressionAttributeValues: { ':l': leaseId },
      }).catch(swallow);
    },
    /** Pending requests across organizations (the local runtime's recovery sweep only). */
    async pending(limit = 100): Promise<RescoreRequest[]> {
      const out = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :p',
          ExpressionAttributeValues: { ':p': rescoreKeys.pending },
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map(fromItem);
    },
  };
}

/** The re-score request repository's type. */
export type RescoreRequestRepo = ReturnType<typeof rescoreRequestRepo>;
