import { type CarryOutDeps, carryOut, dueEvent } from '../api/services/reassessment-carry-out';
import {
  type DueClaim,
  type DueEntry,
  reassessmentPolicySchema,
  reassessmentSchedule,
} from '../core/assessment/reassessment';
import type { Assessment } from '../core/assessment/types';
import type { StoredPolicy } from '../store/policies';
import type { ReassessmentClaimRepo } from '../store/reassessment-claims';

/** What the due job needs: the opted-in policies, each organization's assessments and records. */
export interface ReassessmentJobDeps extends CarryOutDeps {
  logger: { error(message: string, extra?: Record<string, unknown>): void };
  repos: CarryOutDeps['repos'] & {
    schedules: { scheduled(): Promise<StoredPolicy[]> };
    assessments: { all(org: string): Promise<Assessment[]> };
    reassessments: ReassessmentClaimRepo;
  };
}

/** What one run did. */
export interface JobResult {
  created: number;
  proposed: number;
  covered: number;
}

/** A record left `claimed` this long (its run died before creating) is finished by a later run. */
export const claimLeaseMs = 10 * 60_000;

/**
 * The due job (hourly with the reminders in AWS, on the portal's sweep timer locally): for each
 * organization whose policy schedules re-assessments, every approved assessment whose latest
 * decision plus its tier's cadence has come gets ONE record for that due date, created with a
 * conditional put, so a second run or a concurrent one makes nothing more. The winner then
 * creates the prefilled re-assessment and its invitation ("create"), or leaves a proposal for
 * procurement ("propose"); a re-assessment already running covers the date.
 */
export async function runReassessments(deps: ReassessmentJobDeps): Promise<JobResult> {
  const result: JobResult = { created: 0, proposed: 0, covered: 0 };
  for (const stored of await deps.repos.schedules.scheduled()) {
    try {
      await runOrganization(deps, stored, result);
    } catch (error) {
      // One organization's failure never stops the others; the next run tries again.
      deps.logger.error('re-assessment job failed for an organization', {
        organizationId: stored.organizationId,
        error,
      });
    }
  }
  return result;
}

async function runOrganization(deps: ReassessmentJobDeps, stored: StoredPolicy, r: JobResult) {
  const org = stored.organizationId;
  const policy = reassessmentPolicySchema.parse(stored.policy.reassessment ?? {});
  const [assessments, claims] = await Promise.all([
    deps.repos.assessments.all(org),
    deps.repos.reassessments.list(org),
  ]);
  const now = deps.clock();
  // Records whose run died between the claim and the re-assessment are finished now.
  for (const c of claims) {
    if (c.state !== 'claimed' || now.getTime() - Date.parse(c.updatedAt) < claimLeaseMs) continue;
    const previous = assessments.find((a) => a.id === c.assessmentId);
    if (previous && (await carryOut(deps, c, previous))) r.created++;
  }
  const due = reassessmentSchedule({ assessments, claims, policy, now }).filter(
    (e) => e.overdueDays >= 0 && !e.claim,
  );
  for (const entry of due) await act(deps, entry, policy.mode, r);
}

async function act(
  deps: ReassessmentJobDeps,
  e: DueEntry,
  mode: DueClaim['mode'],
  r: JobResult,
): Promise<void> {
  const now = deps.clock().toISOString();
  const state = e.running ? 'covered' : mode === 'create' ? 'claimed' : 'proposed';
  const claim: DueClaim = {
    organizationId: e.assessment.organizationId,
    assessmentId: e.assessment.id,
    dueOn: e.dueOn,
    state,
    mode,
    tier: e.tier,
    cadenceDays: e.cadenceDays,
    // The id is fixed in the record before the re-assessment exists, so a retry makes the same one.
    reassessmentId: e.running?.id ?? (state === 'claimed' ? deps.newId(deps.clock()) : null),
    createdAt: now,
    updatedAt: now,
    decidedBy: null,
    version: 1,
  };
  if (!(await deps.repos.reassessments.claim(claim))) return;
  if (state === 'claimed') {
    if (await carryOut(deps, claim, e.assessment)) r.created++;
    return;
  }
  await dueEvent(deps, claim, e.assessment, state);
  if (state === 'covered') r.covered++;
  else r.proposed++;
}
