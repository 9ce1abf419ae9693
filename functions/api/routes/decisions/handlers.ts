import type { RouteHandler } from '@hono/zod-openapi';
import { getTemplate, questionsOf } from '../../../core/questionnaire';
import { ConflictError, ForbiddenError, ValidationError } from '../../../lib/errors';
import { reportUpdating } from '../../../rescore/enqueue';
import type { AppEnv } from '../../env';
import { applyAction, loadAssessment } from '../../services/assessments';
import { mailDecision } from './decision-mail';
import type { decide } from './routes';

/** E-mail addresses compare case-insensitively (Pat@Acme.test is pat@acme.test). */
const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Records a governance decision; request_changes reopens the questionnaire with comments. */
export const decideHandler: RouteHandler<typeof decide, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const body = c.req.valid('json');
  const current = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  if (body.version !== undefined && body.version !== current.version) {
    throw new ConflictError('The assessment changed since you opened it; reload and decide again.');
  }
  if (body.decision !== 'request_changes' && (await reportUpdating(deps, current))) {
    throw new ConflictError(
      'The report is being updated with the latest evidence; decide once it is ready (the page shows it when done).',
    );
  }
  if (body.decision === 'approve' && sameEmail(current.createdBy, staff.email)) {
    throw new ForbiddenError('You created this assessment, so someone else must approve it.');
  }
  if (body.decision === 'request_changes' && !body.comment && !body.comments?.length) {
    throw new ValidationError('Say what needs to change.', [
      {
        path: 'comment',
        message: 'give a comment or per-question comments when requesting changes',
      },
    ]);
  }
  if (body.decision === 'reject' && !body.comment) {
    throw new ValidationError('Say why the dataset is rejected.', [
      {
        path: 'comment',
        message: 'a rejection needs a comment: the vendor and the record read it',
      },
    ]);
  }
  if (body.conditions && body.decision !== 'approve') {
    throw new ValidationError('Conditions belong to an approval.', [
      { path: 'conditions', message: 'attach conditions only when the decision is approve' },
    ]);
  }
  const template = getTemplate(current.templateId, current.templateVersion);
  const known = new Set(template ? questionsOf(template).map((q) => q.id) : []);
  const unknownIds = (body.comments ?? []).filter((x) => !known.has(x.questionId));
  if (unknownIds.length > 0) {
    throw new ValidationError(
      'Comments must refer to questions of this questionnaire.',
      unknownIds.map((x) => ({
        path: `comments.${x.questionId}`,
        message: 'not a question of this questionnaire',
      })),
    );
  }
  const comments = [
    ...(body.comment ? [{ questionId: null, comment: body.comment }] : []),
    ...(body.comments ?? []),
  ];
  const next = await applyAction(deps, current, body.decision, staff, (draft, now) => {
    const conditions = body.conditions ? { conditions: body.conditions } : {};
    draft.decision = {
      decision: body.decision,
      by: staff.email,
      at: now.toISOString(),
      comments,
      ...conditions,
    };
    return { decision: body.decision, comments: comments.length, ...conditions };
  });
  await mailDecision(deps, next, body.decision, comments, template);
  return c.json(next, 200);
};
