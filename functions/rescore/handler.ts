import { type ReportDeps, rescore } from '../api/services/reports';
import type { ScoredReport } from '../core/scoring';
import type { RescoreMessage } from './types';

/**
 * How long a claimed run holds its request: above the worker Lambda's 5-minute timeout, below the
 * queue's visibility timeout, so a crashed run's message comes back to an expired lease.
 */
export const rescoreLeaseMs = 6 * 60_000;

/** Scores one assessment (the API's `rescore`; tests pass their own to hold a run open). */
export type Rescorer = (
  deps: ReportDeps,
  a: NonNullable<Awaited<ReturnType<ReportDeps['repos']['assessments']['get']>>>,
  trigger: string,
) => Promise<ScoredReport | undefined>;

/** What the worker needs: scoring's deps, and optionally a counter of stored reports. */
export interface RescoreWorkerDeps extends ReportDeps {
  metrics?: { reportScored(): void };
}

/**
 * The re-score worker, fed by SQS in AWS and by the portal's queue locally. It claims the
 * request record (a conditional write, so a second delivery or a concurrent worker does nothing),
 * scores, records the generation done and runs once more if requests arrived meanwhile.
 * Resolves with the number of runs (0 for a duplicate or a request another worker holds).
 */
export function createRescoreWorker(deps: RescoreWorkerDeps, run: Rescorer = rescore) {
  const { rescores } = deps.repos;
  return async (m: RescoreMessage): Promise<number> => {
    const { organizationId: org, assessmentId: id } = m;
    for (let runs = 0; ; runs++) {
      const now = deps.clock().getTime();
      const leaseId = deps.newId();
      const claim = await rescores.claim(org, id, {
        id: leaseId,
        now,
        until: now + rescoreLeaseMs,
      });
      if (!claim) return runs;
      try {
        const a = await deps.repos.assessments.get(org, id);
        const trigger = claim.triggers.join(', ') || 'request';
        if (a && (await run(deps, a, trigger))) deps.metrics?.reportScored();
      } catch (error) {
        await rescores.release(org, id, leaseId);
        throw error;
      }
      if (!(await rescores.finish(org, id, leaseId, claim))) return runs + 1;
    }
  };
}

/** The worker's type. */
export type RescoreWorker = ReturnType<typeof createRescoreWorker>;
