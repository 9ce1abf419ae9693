import type { RescoreQueue } from '../rescore/types';
import type { Repositories } from '../store/repositories';

/**
 * Queues every pending re-score request again (at start and on each sweep): a request whose run
 * died with the previous process, or failed, is finished; a live run's lease makes it a no-op.
 */
export async function requeuePendingRescores(
  deps: { repos: Pick<Repositories, 'rescores'>; clock: () => Date },
  queue: RescoreQueue,
): Promise<number> {
  const now = deps.clock().getTime();
  let queued = 0;
  for (const r of await deps.repos.rescores.pending()) {
    if (r.leaseUntil !== undefined && r.leaseUntil >= now) continue;
    await queue.send({ organizationId: r.organizationId, assessmentId: r.assessmentId });
    queued++;
  }
  return queued;
}
