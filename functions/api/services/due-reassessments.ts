import {
  type DueClaim,
  type DueEntry,
  reassessmentSchedule,
} from '../../core/assessment/reassessment';
import type { Assessment } from '../../core/assessment/types';
import { ConflictError } from '../../lib/errors';
import type { StaffIdentity } from '../auth/identity';
import type { AppDeps } from '../env';
import { loadAssessment } from './assessments';
import { type CarryOutDeps, carryOut, dueEvent } from './reassessment-carry-out';
import { currentPolicy } from './reports';

/** One due or overdue re-assessment as `GET /api/portfolio/due` lists it. */
export interface DueItem {
  assessmentId: string;
  vendorName: string;
  datasetName: string;
  tier: DueEntry['tier'];
  cadenceDays: number;
  decidedAt: string;
  dueAt: string;
  dueOn: string;
  overdueDays: number;
  state: 'due' | Exclude<DueClaim['state'], 'dismissed'>;
  mode: DueClaim['mode'];
  reassessment: { id: string; status: Assessment['status'] } | null;
}

/** Every assessment of one organization (the list pages through them all). */
async function allAssessments(deps: Pick<AppDeps, 'repos'>, org: string) {
  const out: Assessment[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.repos.assessments.list(org, { limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The organization's schedule now: every approved assessment with its current due date. */
async function schedule(deps: AppDeps, org: string) {
  const [policy, assessments, claims] = await Promise.all([
    currentPolicy(deps, org),
    allAssessments(deps, org),
    deps.repos.reassessments.list(org),
  ]);
  const now = deps.clock();
  const entries = reassessmentSchedule({
    assessments,
    claims,
    policy: policy.reassessment,
    now,
  });
  return {
    entries,
    mode: policy.reassessment.mode,
    byId: new Map(assessments.map((a) => [a.id, a])),
  };
}

function itemOf(e: DueEntry, mode: DueClaim['mode'], byId: Map<string, Assessment>): DueItem {
  const made = e.claim?.reassessmentId ? byId.get(e.claim.reassessmentId) : undefined;
  const shown = made ?? e.running;
  const state = e.claim && e.claim.state !== 'dismissed' ? e.claim.state : 'due';
  return {
    assessmentId: e.assessment.id,
    vendorName: e.assessment.vendor.name,
    datasetName: e.assessment.dataset.name,
    tier: e.tier,
    cadenceDays: e.cadenceDays,
    decidedAt: e.assessment.decision?.at ?? '',
    dueAt: e.dueAt,
    dueOn: e.dueOn,
    overdueDays: e.overdueDays,
    state,
    mode: e.claim?.mode ?? mode,
    reassessment: shown ? { id: shown.id, status: shown.status } : null,
  };
}

/** Approved assessments of `org` whose re-assessment is due or overdue, most overdue first. */
export async function dueItems(deps: AppDeps, org: string): Promise<DueItem[]> {
  const { entries, mode, byId } = await schedule(deps, org);
  return entries.filter((e) => e.overdueDays >= 0).map((e) => itemOf(e, mode, byId));
}

/** The open proposal of approved assessment `id`, or 404/409 saying why there is none. */
async function openProposal(deps: AppDeps, org: string, id: string) {
  const s = await schedule(deps, org);
  const entry = s.entries.find((e) => e.assessment.id === id);
  if (!entry) await loadAssessment(deps, org, id);
  if (!entry || entry.claim?.state !== 'proposed') {
    throw new ConflictError(
      'There is no proposed re-assessment for this assessment: it is not due, or it was already started or dismissed. Reload the portfolio.',
    );
  }
  return { ...s, entry, claim: entry.claim };
}

/** The API's stores in the shape the due job's steps take. */
const carryDeps = (deps: AppDeps): CarryOutDeps => ({
  ...deps,
  repos: {
    ...deps.repos,
    assessments: { ...deps.repos.assessments, find: deps.repos.assessments.get },
  },
});

/**
 * Procurement starts a proposed re-assessment: the record moves on by compare-and-set (so two
 * clicks make one), then the prefilled re-assessment is created and the vendor invited.
 */
export async function acceptProposal(
  deps: AppDeps,
  staff: StaffIdentity,
  id: string,
): Promise<DueItem> {
  const { entry, claim, mode } = await openProposal(deps, staff.organizationId, id);
  const now = deps.clock();
  const accepted: DueClaim = {
    ...claim,
    state: 'claimed',
    reassessmentId: deps.newId(now),
    decidedBy: staff.email,
    updatedAt: now.toISOString(),
    version: claim.version + 1,
  };
  await deps.repos.reassessments.save(accepted);
  await carryOut(carryDeps(deps), accepted, entry.assessment, staff);
  const made = accepted.reassessmentId
    ? await deps.repos.assessments.get(staff.organizationId, accepted.reassessmentId)
    : undefined;
  const byId = new Map(made ? [[made.id, made]] : []);
  return itemOf({ ...entry, claim: { ...accepted, state: 'accepted' } }, mode, byId);
}

/** Procurement dismisses a proposal: nothing goes to the vendor; it comes back a cadence later. */
export async function dismissProposal(
  deps: AppDeps,
  staff: StaffIdentity,
  id: string,
): Promise<void> {
  const { entry, claim } = await openProposal(deps, staff.organizationId, id);
  const dismissed: DueClaim = {
    ...claim,
    state: 'dismissed',
    decidedBy: staff.email,
    updatedAt: deps.clock().toISOString(),
    version: claim.version + 1,
  };
  await deps.repos.reassessments.save(dismissed);
  await dueEvent(deps, dismissed, entry.assessment, 'dismissed', staff);
}
