import type { AssessmentStatus } from './types';

/** Everything that can happen to an assessment. */
export type AssessmentAction =
  | 'invite'
  | 'revoke'
  | 'save_answers'
  | 'submit'
  | 'approve'
  | 'reject'
  | 'request_changes'
  | 'edit'
  | 'remind'
  | 'cancel'
  | 'archive';

/** Statuses in which the vendor holds the questionnaire (or has not been invited yet). */
const beforeSubmission: readonly AssessmentStatus[] = [
  'draft',
  'invited',
  'in_progress',
  'changes_requested',
];

const allowed: Record<AssessmentAction, readonly AssessmentStatus[]> = {
  invite: beforeSubmission,
  revoke: ['invited', 'in_progress', 'changes_requested'],
  save_answers: ['invited', 'in_progress', 'changes_requested'],
  submit: ['invited', 'in_progress', 'changes_requested'],
  approve: ['submitted'],
  reject: ['submitted'],
  request_changes: ['submitted'],
  edit: beforeSubmission,
  remind: ['invited', 'in_progress', 'changes_requested'],
  cancel: [...beforeSubmission, 'submitted'],
  archive: ['approved', 'rejected', 'cancelled'],
};

/** True when `action` may happen in `status`. */
export function can(status: AssessmentStatus, action: AssessmentAction): boolean {
  return allowed[action].includes(status);
}

/** The status after `action` (assumes `can` was checked). */
export function nextStatus(status: AssessmentStatus, action: AssessmentAction): AssessmentStatus {
  switch (action) {
    case 'invite':
      return status === 'draft' ? 'invited' : status;
    case 'save_answers':
      return status === 'invited' || status === 'changes_requested' ? 'in_progress' : status;
    case 'submit':
      return 'submitted';
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'request_changes':
      return 'changes_requested';
    case 'cancel':
      return 'cancelled';
    default:
      return status;
  }
}

const statusWords: Record<AssessmentStatus, string> = {
  draft: 'a draft',
  invited: 'invited',
  in_progress: 'in progress',
  submitted: 'submitted',
  approved: 'approved',
  rejected: 'rejected',
  changes_requested: 'back with the vendor for changes',
  cancelled: 'cancelled',
};

/** Why `action` is refused in `status`, in words a user can act on. */
export function refusal(status: AssessmentStatus, action: AssessmentAction): string {
  const now = `The assessment is ${statusWords[status]}`;
  if (status === 'submitted' && (action === 'save_answers' || action === 'submit')) {
    return 'The questionnaire was submitted and is locked until a reviewer requests changes.';
  }
  switch (action) {
    case 'edit':
      return status === 'cancelled'
        ? `${now}; it can no longer be edited.`
        : `${now}: the vendor answered about these details, so they can no longer be edited. Start a re-assessment to change them.`;
    case 'remind':
      return status === 'draft'
        ? `${now}: issue an invitation link first; a reminder only points to a link the vendor already has.`
        : `${now}: the vendor has nothing left to do, so there is nothing to remind them of.`;
    case 'cancel':
      return `${now}; only an assessment that has not been decided can be cancelled.`;
    case 'archive':
      return `${now}: only approved, rejected or cancelled assessments can be archived.`;
    case 'invite':
      return `${now}: a new invitation link can only be issued before the vendor submits.`;
    default:
      break;
  }
  if (status === 'approved' || status === 'rejected') {
    return `${now}; start a re-assessment to collect new answers.`;
  }
  if (status === 'cancelled') return `${now}; nothing more can happen to it.`;
  return `Cannot ${action.replace('_', ' ')} while the assessment is ${statusWords[status]}.`;
}
