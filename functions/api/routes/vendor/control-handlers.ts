import type { RouteHandler } from '@hono/zod-openapi';
import { can, refusal } from '../../../core/assessment/state-machine';
import { getTemplate, mergeValidAnswers } from '../../../core/questionnaire';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import { requestRescore } from '../../../rescore/enqueue';
import type { AppEnv } from '../../env';
import { applyAction, loadAssessment } from '../../services/assessments';
import { actingContact, attributeAnswers } from '../../services/attribution';
import { recordSampleDeleted } from '../../services/sample-events';
import { retireSample } from '../../services/sample-selection';
import type { deleteSample, mergeAnswers } from './control-routes';

/** Stores every valid answer of a draft and returns the refused ones with their messages. */
export const mergeAnswersHandler: RouteHandler<typeof mergeAnswers, AppEnv> = async (c) => {
  const { deps, vendor } = c.var;
  const body = c.req.valid('json');
  const current = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
  if (body.version !== undefined && body.version !== current.version) {
    throw new ConflictError(
      'Your answers were changed elsewhere since you loaded them; reload to continue.',
    );
  }
  if (!can(current.status, 'save_answers'))
    throw new ConflictError(refusal(current.status, 'save_answers'));
  const template = getTemplate(current.templateId, current.templateVersion);
  if (!template)
    throw new NotFoundError(
      'The questionnaire template of this assessment is no longer available.',
    );
  const merged = mergeValidAnswers(template, current.answers, body.answers);
  const errors = merged.errors.map((e) => ({ path: `answers.${e.path}`, message: e.message }));
  if (merged.saved.length === 0) {
    return c.json({ answers: current.answers, version: current.version, saved: [], errors }, 200);
  }
  const next = await applyAction(deps, current, 'save_answers', vendor, (draft, now) => {
    draft.answers = merged.answers as typeof draft.answers;
    attributeAnswers(draft, merged.saved, actingContact(vendor, current), now.toISOString());
    return { questions: merged.saved };
  });
  return c.json({ answers: next.answers, version: next.version, saved: merged.saved, errors }, 200);
};

/** Deletes one of the vendor's samples while the answers are theirs to change. */
export const deleteSampleHandler: RouteHandler<typeof deleteSample, AppEnv> = async (c) => {
  const { deps, vendor } = c.var;
  const a = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
  const sample = await deps.repos.samples.get(
    a.organizationId,
    a.id,
    c.req.valid('param').sampleId,
  );
  if (!sample)
    throw new NotFoundError('No such sample in this assessment (it may already be deleted).');
  if (!can(a.status, 'save_answers')) {
    throw new ConflictError(
      `Samples can no longer be deleted: ${refusal(a.status, 'save_answers')}`,
    );
  }
  await retireSample(deps, sample);
  await recordSampleDeleted(deps, a, vendor, sample);
  // Only an analyzed sample can have counted in a report; score again so none uses it.
  if (sample.status === 'analyzed') await requestRescore(deps, a, 'sample deleted');
  return c.body(null, 204);
};
