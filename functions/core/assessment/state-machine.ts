import type { AssessmentStatus } from './types';

/** Everything that can happen to an assessment. */
export type AssessmentAction =
  | 'invite'
  | 'revoke'
  | 'save_answers'
  | 'submit'
  | 'approve'
  | 'reject'
  | 'request_changes';

const allowed: Record<AssessmentAction, readonly AssessmentStatus[]> = {
  invite: ['draft', 'invited', 'in_progress', 'changes_requested'],
  revoke: ['invited', 'in_progress', 'changes_requested'],
  save_answers: ['invited', 'in_progress', 'changes_requested'],
  submit: ['invited', 'in_progress', 'changes_requested'],
  approve: ['submitted'],
  reject: ['submitted'],
  request_changes: ['submitted'],
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
    case 'revoke':
      return status;
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
  }
}

/** Why `action` is refused in `status`, in words a user can act on. */
export function refusal(status: AssessmentStatus, action: AssessmentAction): string {
  const verb = action.replace('_', ' ');
  if (status === 'submitted' && (action === 'save_answers' || action === 'submit')) {
    return 'The questionnaire was submitted and is locked until a reviewer requests changes.';
  }
  if (status === 'approved' || status === 'rejected') {
    return `The assessment is ${status}; start a re-assessment to collect new answers.`;
  }
  return `Cannot ${verb} while the assessment is ${status.replace('_', ' ')}.`;
}
