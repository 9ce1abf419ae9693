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
