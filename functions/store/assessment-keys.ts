import type { Assessment } from '../core/assessment/types';
import { getItem, stripKeys, type Table } from './dynamo-read';

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

/** Reads one assessment by key (GetItem alone, for functions that only look assessments up). */
export async function getAssessment(
  table: Table,
  org: string,
  id: string,
): Promise<Assessment | undefined> {
  const item = await getItem(table, assessmentKeys.pk(org), assessmentKeys.sk(id));
  return item ? assessmentFromItem(item) : undefined;
}
