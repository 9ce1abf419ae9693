import {
  type AssessmentAction,
  can,
  nextStatus,
  refusal,
} from '../../core/assessment/state-machine';
import type { Assessment } from '../../core/assessment/types';
import { ConflictError, NotFoundError, StaleWriteError } from '../../lib/errors';
import type { AppDeps } from '../env';
import { type Actor, auditEvent } from './audit';

type Deps = Pick<AppDeps, 'repos' | 'clock' | 'newId'>;

/** Loads an assessment of `org`; other organizations' ids are simply not found. */
export async function loadAssessment(
  deps: Pick<AppDeps, 'repos'>,
  org: string,
  id: string,
): Promise<Assessment> {
  const a = await deps.repos.assessments.get(org, id);
  if (!a) throw new NotFoundError(`No assessment ${id} in your organization.`);
  return a;
}

/**
 * Lets `change` edit a copy of `current` and saves it with compare-and-set plus an audit event
 * of `type`. `status` optionally moves the assessment to a new status.
 */
export async function saveChange(
  deps: Deps,
  current: Assessment,
  actor: Actor,
  type: string,
  change: (draft: Assessment, now: Date) => Record<string, unknown> | undefined,
  status: Assessment['status'] = current.status,
): Promise<Assessment> {
  const now = deps.clock();
  const draft: Assessment = structuredClone(current);
  const detail = change(draft, now) ?? {};
  const next: Assessment = {
    ...draft,
    status,
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  const statusDetail = status === current.status ? {} : { from: current.status, to: status };
  const event = auditEvent(deps, next, actor, type, { ...statusDetail, ...detail }, now);
  await deps.repos.assessments.save(next, event);
  return next;
}

/** Applies a workflow `action`, refusing it (409) when the current status does not allow it. */
export function applyAction(
  deps: Deps,
  current: Assessment,
  action: AssessmentAction,
  actor: Actor,
  change: (draft: Assessment, now: Date) => Record<string, unknown> | undefined = () => undefined,
): Promise<Assessment> {
  if (!can(current.status, action)) throw new ConflictError(refusal(current.status, action));
  return saveChange(deps, current, actor, action, change, nextStatus(current.status, action));
}

/**
 * Runs `attempt` again, at most `times` in all, when its compare-and-set lost to another write of
 * the same assessment (e.g. the re-scoring right after an analysis). `attempt` must re-read what
 * it decides on; any other error, or the last lost race, is thrown.
 */
export async function retryStale<T>(attempt: () => Promise<T>, times = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StaleWriteError) || i >= times) throw error;
    }
  }
}
