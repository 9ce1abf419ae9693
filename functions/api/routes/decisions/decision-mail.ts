import type { Assessment, Decision, ReviewComment } from '../../../core/assessment/types';
import { questionsOf, type QuestionnaireTemplate as Template } from '../../../core/questionnaire';
import type { AppDeps } from '../../env';
import { mailStaff, mailVendor } from '../../services/mail';
import { assessmentData, emitEvent } from '../../services/webhook-events';
import { conditionsMailText } from '../contracts/mail-text';

const words: Record<Decision, string> = {
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'sent back for changes',
};

/** The reviewer's comments as the vendor reads them: general first, then by question prompt. */
export function commentLines(comments: ReviewComment[], template: Template | undefined): string {
  const prompts = new Map((template ? questionsOf(template) : []).map((q) => [q.id, q.prompt]));
  return comments
    .map((c) =>
      c.questionId
        ? `- On "${prompts.get(c.questionId) ?? c.questionId}": ${c.comment}`
        : `- ${c.comment}`,
    )
    .join('\n');
}

const vendorNext: Record<Decision, string> = {
  approve: 'Nothing more is needed from you; your answers stay readable here:',
  reject: 'The questionnaire is closed; read the decision here:',
  request_changes: 'Change the answers the comments point to and submit again:',
};

/**
 * Tells the vendor (with the reviewer's comments, never the reviewer's identity) and procurement
 * (the assessment's creator) of a decision; each e-mail has its one link.
 */
export async function mailDecision(
  deps: AppDeps,
  a: Assessment,
  decision: Decision,
  comments: ReviewComment[],
  template: Template | undefined,
): Promise<void> {
  const said =
    (comments.length ? `\n\nThe reviewers' comments:\n${commentLines(comments, template)}` : '') +
    conditionsMailText(a.decision?.conditions);
  await mailVendor(deps, a, {
    subject: `Your due-diligence questionnaire was ${words[decision]}: ${a.dataset.name}`,
    news: `The review of "${a.dataset.name}" is complete: ${words[decision]}.${said}`,
    next: vendorNext[decision],
    kind: 'decision',
  });
  const staffNext =
    decision === 'approve'
      ? 'Plan the next re-assessment or archive it from its page:'
      : decision === 'reject'
        ? 'Tell the business owner and archive it, or start a re-assessment, from its page:'
        : `The vendor was asked to change answers; follow the due date (${a.dueAt.slice(0, 10)}) on its page:`;
  await emitEvent(deps, {
    organizationId: a.organizationId,
    type: 'assessment.decided',
    data: { ...assessmentData(a, deps.config.PUBLIC_BASE_URL), decision },
  });
  await mailStaff(deps, a, [a.createdBy], {
    subject: `Decision: ${a.vendor.name} — ${a.dataset.name} ${words[decision]}`,
    news: `${a.decision?.by ?? 'A reviewer'} ${words[decision]} the assessment of "${a.dataset.name}" from ${a.vendor.name}.${said}`,
    next: staffNext,
    kind: 'decision:procurement',
  });
}
