import type { Assessment } from '../core/assessment/types';
import type { Repositories } from '../store/repositories';
import type { RescoreQueue } from './types';

/** What asking for a re-score needs: the request record and the queue. */
export interface EnqueueDeps {
  repos: Pick<Repositories, 'rescores'>;
  rescoreQueue: RescoreQueue;
  clock: () => Date;
}

/**
 * Asks for the assessment's report to be scored again and returns at once: counts a request on
 * its record (repeated requests coalesce there) and queues a message for the worker. A decided
 * assessment keeps its report, so nothing is asked; false then.
 */
export async function requestRescore(
  deps: EnqueueDeps,
  a: Pick<Assessment, 'organizationId' | 'id' | 'status'>,
  trigger: string,
): Promise<boolean> {
  if (a.status === 'approved' || a.status === 'rejected') return false;
  await deps.repos.rescores.request(a.organizationId, a.id, trigger, deps.clock().toISOString());
  await deps.rescoreQueue.send({ organizationId: a.organizationId, assessmentId: a.id });
  return true;
}

/** True while a requested re-score of the assessment has not finished (the report is updating). */
export async function reportUpdating(
  deps: { repos: Pick<Repositories, 'rescores'> },
  a: Pick<Assessment, 'organizationId' | 'id'>,
): Promise<boolean> {
  const r = await deps.repos.rescores.get(a.organizationId, a.id);
  return r !== undefined && r.done < r.requested;
}
