import type { RouteHandler } from '@hono/zod-openapi';
import type { Assessment } from '../../../core/assessment/types';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import { requestRescore } from '../../../rescore/enqueue';
import type { AppDeps, AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { auditEvent } from '../../services/audit';
import { followLink, setLink } from '../../services/reference-attachment';
import { loadReference, toReferenceView } from '../../services/references';
import type { attachReference, detachReference } from './routes';

const decided: Assessment['status'][] = ['approved', 'rejected'];

function refuseDecided(a: Assessment): void {
  if (decided.includes(a.status)) {
    throw new ConflictError(
      `This assessment is ${a.status}: its evidence is final. Start a re-assessment to use a different reference.`,
    );
  }
}

/**
 * Asks for a re-score if the assessment has a report or one was requested (a run that already
 * read its evidence would miss the change); otherwise its first report will use the reference.
 */
async function rescoreIfReported(deps: AppDeps, a: Assessment): Promise<void> {
  const current = await deps.repos.assessments.get(a.organizationId, a.id);
  if (!current) return;
  if (current.report || (await deps.repos.rescores.get(a.organizationId, a.id)))
    await requestRescore(deps, current, 'reference');
}

/** Attaches a library reference to an assessment, replacing the one attached before. */
export const attachReferenceHandler: RouteHandler<typeof attachReference, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  refuseDecided(a);
  const { referenceId } = c.req.valid('json');
  const wanted = await deps.repos.references.get(a.organizationId, referenceId);
  if (!wanted) {
    throw new NotFoundError(`No reference sample ${referenceId} in your organization's library.`);
  }
  const now = deps.clock().toISOString();
  // compare-and-set on the assessment's link; the library's lists then follow the last attach
  await setLink(deps, a, referenceId, staff.email, now);
  await followLink(deps, a);
  const attached = await loadReference(deps, a.organizationId, referenceId);
  await deps.repos.events.append(
    auditEvent(deps, a, staff, 'reference_attached', { reference: attached.name }, new Date(now)),
  );
  await rescoreIfReported(deps, a);
  return c.json({ assessmentId: a.id, reference: toReferenceView(attached) }, 200);
};

/** Detaches whatever reference the assessment has. */
export const detachReferenceHandler: RouteHandler<typeof detachReference, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  refuseDecided(a);
  const holding = (await deps.repos.references.list(a.organizationId)).filter((r) =>
    r.attachedTo.some((x) => x.assessmentId === a.id),
  );
  const link = await deps.repos.references.links.get(a.organizationId, a.id);
  if (holding.length === 0 && !link?.referenceId)
    throw new NotFoundError('No reference is attached to this assessment.');
  await setLink(deps, a, null, staff.email, deps.clock().toISOString());
  await followLink(deps, a);
  const now = deps.clock();
  const names = holding.map((r) => r.name).join(', ');
  await deps.repos.events.append(
    auditEvent(deps, a, staff, 'reference_detached', { reference: names }, now),
  );
  await rescoreIfReported(deps, a);
  return c.body(null, 204);
};
