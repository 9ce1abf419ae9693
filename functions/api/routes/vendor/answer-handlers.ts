import type { RouteHandler } from '@hono/zod-openapi';
import { getTemplate, missingRequired, validateAnswers } from '../../../core/questionnaire';
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/errors';
import { requestRescore } from '../../../rescore/enqueue';
import type { AppEnv } from '../../env';
import { applyAction, loadAssessment, retryStale } from '../../services/assessments';
import { actingContact, attributeAnswers, contactView } from '../../services/attribution';
import { withImageSummaries } from '../../services/image-summaries';
import { mailStaff } from '../../services/mail';
import { viewsWithCounts } from '../../services/sample-selection';
import { assessmentData, emitEvent } from '../../services/webhook-events';
import type { saveAnswers, submit, vendorView } from './routes';

function templateOf(id: string, version: number) {
  const template = getTemplate(id, version);
  if (!template)
    throw new NotFoundError(
      'The questionnaire template of this assessment is no longer available.',
    );
  return template;
}

/** The vendor's view: questionnaire, answers, samples, reviewer comments. */
export const vendorViewHandler: RouteHandler<typeof vendorView, AppEnv> = async (c) => {
  const { deps, vendor } = c.var;
  const a = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
  const [samples, org] = await Promise.all([
    deps.repos.samples.list(a.organizationId, a.id),
    deps.repos.organizations.get(a.organizationId),
  ]);
  const reopened = a.decision?.decision === 'request_changes' && a.status !== 'submitted';
  // The vendor reads the reviewer's words (never who wrote them) when sent back or rejected.
  const shown = reopened || a.status === 'rejected';
  const comments = shown ? (a.decision?.comments ?? []) : [];
  return c.json(
    {
      assessment: {
        id: a.id,
        status: a.status,
        vendor: a.vendor,
        dataset: a.dataset,
        dueAt: a.dueAt,
        submittedAt: a.submittedAt,
        decidedAt: a.decision?.at ?? null,
      },
      buyer: { name: org?.name ?? a.organizationId, contactEmail: a.createdBy },
      template: templateOf(a.templateId, a.templateVersion) as unknown as Record<string, unknown>,
      answers: a.answers,
      version: a.version,
      // The named contact who opened their own link, with their assigned sections.
      you: vendor.contact?.contactId ? await contactView(deps, a, vendor.contact.contactId) : null,
      samples: viewsWithCounts(await withImageSummaries(deps, samples)),
      comments,
    },
    200,
  );
};

/** Merges a partial draft (null clears an answer) after validating each value. */
export const saveAnswersHandler: RouteHandler<typeof saveAnswers, AppEnv> = async (c) => {
  const { deps, vendor } = c.var;
  const body = c.req.valid('json');
  // A re-scoring may update the assessment between reading and saving: without a version from
  // the client (no edit of its own to protect), merge again into a fresh copy.
  const next = await retryStale(
    async () => {
      const current = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
      if (body.version !== undefined && body.version !== current.version) {
        throw new ConflictError(
          'Your answers were changed elsewhere since you loaded them; reload to continue.',
        );
      }
      const template = templateOf(current.templateId, current.templateVersion);
      const merged: Record<string, unknown> = { ...current.answers };
      for (const [id, value] of Object.entries(body.answers)) {
        if (value === null) delete merged[id];
        else merged[id] = value;
      }
      const check = validateAnswers(template, merged, { partial: true });
      if (!check.ok) {
        throw new ValidationError(
          'Some answers are not valid: see errors.',
          check.errors.map((e) => ({ path: `answers.${e.path}`, message: e.message })),
        );
      }
      return applyAction(deps, current, 'save_answers', vendor, (draft, now) => {
        draft.answers = merged;
        const by = actingContact(vendor, current);
        attributeAnswers(draft, Object.keys(body.answers), by, now.toISOString());
        return { questions: Object.keys(body.answers) };
      });
    },
    body.version === undefined ? 3 : 1,
  );
  return c.json({ answers: next.answers, version: next.version }, 200);
};

/** Locks the answers (409 with the missing list when incomplete) and tells governance. */
export const submitHandler: RouteHandler<typeof submit, AppEnv> = async (c) => {
  const { deps, vendor } = c.var;
  // A re-scoring may update the assessment between reading and saving: decide again on a fresh copy.
  const next = await retryStale(async () => {
    const current = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
    const template = templateOf(current.templateId, current.templateVersion);
    const missing = missingRequired(template, current.answers);
    if (
      missing.length > 0 &&
      ['invited', 'in_progress', 'changes_requested'].includes(current.status)
    ) {
      throw new ConflictError(
        `${missing.length} required question(s) are unanswered; answer them or say "unknown".`,
        {
          extra: { missing },
        },
      );
    }
    return applyAction(deps, current, 'submit', vendor, (draft, now) => {
      draft.submittedAt = now.toISOString();
      draft.submittedBy = actingContact(vendor, current);
      return undefined;
    });
  });
  const org = await deps.repos.organizations.get(next.organizationId);
  // The creator follows their assessment; the governance mailbox reviews it.
  await mailStaff(deps, next, [next.createdBy, org?.governanceEmail], {
    subject: `Submitted for review: ${next.vendor.name} — ${next.dataset.name}`,
    news: `${next.vendor.name} submitted the due-diligence questionnaire for "${next.dataset.name}".`,
    next: 'Review the answers and the report, then approve, reject or request changes:',
    kind: 'submission',
  });
  await emitEvent(deps, {
    organizationId: next.organizationId,
    type: 'assessment.submitted',
    data: assessmentData(next, deps.config.PUBLIC_BASE_URL),
  });
  // Scoring loads the samples' partials: the worker does it, this request only asks for it.
  await requestRescore(deps, next, 'submission');
  return c.json({ status: next.status, submittedAt: next.submittedAt ?? '' }, 200);
};
