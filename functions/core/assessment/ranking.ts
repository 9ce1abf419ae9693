import type { Assessment, AssessmentStatus } from './types';

/** Statuses whose report is final enough to rank: the vendor submitted and nothing reopened it. */
export const rankedStatuses: readonly AssessmentStatus[] = ['submitted', 'approved', 'rejected'];

/** True when the assessment's score may be shown in lists and sorts (it was submitted). */
export const isRanked = (status: AssessmentStatus): boolean => rankedStatuses.includes(status);

/**
 * The assessment as lists show it: before submission the report summary is withheld (`report:
 * null`), so a half-filled questionnaire never shows a tier or tops a risk sort.
 */
export function listView<T extends Pick<Assessment, 'status' | 'report'>>(a: T): T {
  return isRanked(a.status) ? a : { ...a, report: null };
}
