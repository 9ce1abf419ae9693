import type { RouteHandler } from '@hono/zod-openapi';
import { listView } from '../../../core/assessment/ranking';
import type { Assessment } from '../../../core/assessment/types';
import { getTemplate } from '../../../core/questionnaire/registry';
import { ValidationError } from '../../../lib/errors';
import { reportUpdating } from '../../../rescore/enqueue';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { auditEvent } from '../../services/audit';
import { startReassessment } from '../../services/reassessment-start';
import { futureDue } from './due-date';
import type {
  createAssessment,
  getAssessment,
  listAssessments,
  listEvents,
  reassess,
} from './routes';

/** Creates an assessment in `draft`, pinned to the template's current version. */
export const createAssessmentHandler: RouteHandler<typeof createAssessment, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const { deps, staff } = c.var;
  const template = getTemplate(body.templateId);
  if (!template) {
    throw new ValidationError('Unknown questionnaire template.', [
      { path: 'templateId', message: 'use an id from GET /api/templates' },
    ]);
  }
  const now = deps.clock();
  const a: Assessment = {
    id: deps.newId(now),
    organizationId: staff.organizationId,
    status: 'draft',
    vendor: body.vendor,
    dataset: body.dataset,
    templateId: template.id,
    templateVersion: template.version,
    dueAt: futureDue(body.dueAt, now),
    createdAt: now.toISOString(),
    createdBy: staff.email,
    updatedAt: now.toISOString(),
    version: 1,
    answers: {},
    previousAssessmentId: null,
    invitation: null,
    submittedAt: null,
    decision: null,
    report: null,
    cancellation: null,
    archivedAt: null,
  };
  await deps.repos.assessments.create(
    a,
    auditEvent(deps, a, staff, 'create', { status: 'draft' }, now),
  );
  return c.json(a, 201);
};

/** Lists the caller's organization's assessments; page size clamped to 1–100. */
export const listAssessmentsHandler: RouteHandler<typeof listAssessments, AppEnv> = async (c) => {
  const q = c.req.valid('query');
  const limit = Math.min(Math.max(q.limit ?? 25, 1), 100);
  const page = await c.var.deps.repos.assessments.list(c.var.staff.organizationId, {
    status: q.status,
    limit,
    cursor: q.cursor,
  });
  // Not ranked before submission: lists show "in progress", never a provisional tier.
  return c.json({ ...page, items: page.items.map(listView) }, 200);
};

/** Reads one assessment, saying whether its report is being re-scored. */
export const getAssessmentHandler: RouteHandler<typeof getAssessment, AppEnv> = async (c) => {
  const a = await loadAssessment(c.var.deps, c.var.staff.organizationId, c.req.valid('param').id);
  return c.json({ ...a, reportUpdating: await reportUpdating(c.var.deps, a) }, 200);
};

/** Lists the audit trail. */
export const listEventsHandler: RouteHandler<typeof listEvents, AppEnv> = async (c) => {
  const a = await loadAssessment(c.var.deps, c.var.staff.organizationId, c.req.valid('param').id);
  const events = await c.var.deps.repos.assessments.events(a.organizationId, a.id);
  const items = events.map(({ id, at, actor, role, type, detail }) => ({
    id,
    at,
    actor,
    role,
    type,
    detail,
  }));
  return c.json({ items }, 200);
};

/** Starts a linked, prefilled assessment of the same dataset (latest template version). */
export const reassessHandler: RouteHandler<typeof reassess, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const previous = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const body: { dueAt?: string } = c.req.valid('json') ?? {};
  const dueAt = body.dueAt ? futureDue(body.dueAt, deps.clock()) : undefined;
  return c.json(await startReassessment(deps, previous, staff, { dueAt }), 201);
};
