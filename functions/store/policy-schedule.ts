import type { Table } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import type { StoredPolicy } from './policies';
import { reassessmentKeys } from './reassessment-claims';

/** True when a stored policy sets a re-assessment cadence for at least one risk tier. */
function scheduled(policy: Record<string, unknown>): boolean {
  const block = policy.reassessment as { cadenceDays?: Record<string, unknown> } | undefined;
  return Object.values(block?.cadenceDays ?? {}).some((d) => typeof d === 'number');
}

/**
 * The GSI2 keys of an organization's current policy item: present only while its re-assessment
 * schedule is on, so the due job finds the organizations that opted in with one Query.
 */
export function scheduleIndexKeys(p: Pick<StoredPolicy, 'organizationId' | 'policy'>) {
  return scheduled(p.policy)
    ? { GSI2PK: reassessmentKeys.scheduled, GSI2SK: p.organizationId }
    : {};
}

/** The current policies whose re-assessment schedule is on, across organizations (Query alone). */
export function scheduledPolicies(table: Table): Promise<StoredPolicy[]> {
  return queryAll<StoredPolicy>(table, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': reassessmentKeys.scheduled },
  });
}
