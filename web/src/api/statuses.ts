/** Assessment statuses in workflow order, for filters (a value list the web app may import). */
import type { AssessmentStatus } from './types';

/** Every status, in the order people meet them. */
export const assessmentStatuses: readonly AssessmentStatus[] = [
  'draft',
  'invited',
  'in_progress',
  'submitted',
  'changes_requested',
  'approved',
  'rejected',
  'cancelled',
];

/** Statuses whose score lists may show and sort by: the vendor submitted (the API's rule too). */
export const rankedStatuses: readonly AssessmentStatus[] = ['submitted', 'approved', 'rejected'];

/** True when lists may show the assessment's score (before submission it is "in progress"). */
export const isRanked = (status: AssessmentStatus): boolean => rankedStatuses.includes(status);
