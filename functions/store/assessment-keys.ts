import type { Assessment } from '../core/assessment/types';
import { stripKeys } from './dynamo-keys';

/** Key builders for assessment items. */
export const assessmentKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (id: string) => `ASMT#${id}`,
  byStatus: (org: string, status: string) => `ORG#${org}#STATUS#${status}`,
  due: 'DUE',
  /** GSI2 partition of closed assessments whose samples the retention sweep has not deleted yet. */
  purge: 'PURGE',
};

/** An assessment from its item: keys and the pending audit event stripped. */
export function assessmentFromItem(item: Record<string, unknown>): Assessment {
  const { pendingEvent: _pending, ...rest } = stripKeys<Assessment & { pendingEvent?: unknown }>(
    item,
  );
  return rest;
}
