import type { Assessment } from '../core/assessment/types';
import { assessmentFromItem, assessmentKeys } from './assessment-keys';
import { getItem, type Table } from './dynamo-read';

/** Reads one assessment by key (GetItem alone, for functions that only look assessments up). */
export async function getAssessment(
  table: Table,
  org: string,
  id: string,
): Promise<Assessment | undefined> {
  const item = await getItem(table, assessmentKeys.pk(org), assessmentKeys.sk(id));
  return item ? assessmentFromItem(item) : undefined;
}
