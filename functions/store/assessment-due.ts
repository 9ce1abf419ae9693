import type { Assessment } from '../core/assessment/types';
import { assessmentFromItem, assessmentKeys } from './assessment-keys';
import type { Table } from './dynamo-keys';
import { queryAll } from './dynamo-query';

/** Open assessments due before `until` across organizations (Query alone: the reminder job). */
export async function dueAssessments(table: Table, until: string): Promise<Assessment[]> {
  const items = await queryAll<Record<string, unknown>>(table, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :until',
    ExpressionAttributeValues: { ':pk': assessmentKeys.due, ':until': `${until}~` },
  });
  return items.map(assessmentFromItem);
}
