import { can, nextStatus, refusal, type AssessmentAction } from '../../core/assessment/state-machine';
import type { Assessment } from '../../core/assessment/types';
import { ConflictError, NotFoundError } from '../../lib/errors';
import type { AppDeps } from '../env';
import { type Actor, auditEvent } from './audit';

/** Loads an assessment of `org`; other organizations' ids are simply not found. */
export async function loadAssessment(deps: Pick<AppDeps, 'repos'>, org: string, id: string): Promise<Assessment> {
  const a = await deps.repos.assessments.get(org, id);
  if (!a) throw new NotFoundError(`No assessment ${id} in your organization.`);
  return a;
}

/**
 * Applies `action` to `current` (refusing it when the status does not allow it), lets `change`
 * edit the copy, and saves with compare-and-set plus an audit event.
 */
export async function applyAction(
  deps: Pick<AppDeps, 'repos' | 'clock' | 'newId'>,
  current: Assessment,
  action: AssessmentAction,
  actor: Actor,
  change: (draft: Assessment, now: Date) => Record<string, unknown> | undefined = () => undefined,
): Promise<Assessment> {
  if (!can(current.status, action)) throw new ConflictError(refusal(current.status, action));
  const now = deps.clock();
  const draft: Assessment = structuredClone(current);
  const detail = change(draft, now) ?? {};
  const next: Assessment = {
    ...draft,
    status: nextStatus(current.status, action),
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  const event = auditEvent(deps, next, actor, action, { from: current.status, to: next.status, ...detail }, now);
  await deps.repos.assessments.save(next, event);
  return next;
}
