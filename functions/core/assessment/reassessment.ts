import * as z from 'zod';
import type { Assessment, ReportSummary } from './types';

const dayMs = 86_400_000;

/** A risk tier, as the report states it. */
export type RiskTier = ReportSummary['tier'];

/** The tiers in the order the policy lists their cadences. */
export const riskTiers: readonly RiskTier[] = ['low', 'moderate', 'high', 'critical'];

const cadence = z
  .number({ error: 'Enter a whole number of days from 1 to 1095, or null for no schedule.' })
  .int({ error: 'Use whole days (1 to 1095), e.g. 182 for about six months.' })
  .min(1, { error: 'Use at least 1 day (or null for no schedule).' })
  .max(1095, { error: 'Use at most 1095 days (three years).' })
  .nullable()
  .default(null);

/**
 * The re-assessment schedule of a policy: per risk tier, how many days after an approval the
 * dataset is assessed again (null: never on a schedule), and whether the due job creates the
 * re-assessment and its invitation at once ("create") or proposes it to procurement ("propose").
 * Off by default: nothing is scheduled, and nothing goes to a vendor, until an admin opts in.
 */
export const reassessmentPolicySchema = z
  .strictObject({
    cadenceDays: z
      .strictObject({
        low: cadence,
        moderate: cadence,
        high: cadence,
        critical: cadence,
      })
      .prefault({}),
    mode: z
      .enum(['create', 'propose'], {
        error:
          'Use "propose" (procurement starts each one) or "create" (created and sent at once).',
      })
      .default('propose'),
  })
  .prefault({});

/** A validated re-assessment schedule. */
export type ReassessmentPolicy = z.output<typeof reassessmentPolicySchema>;

/** True when at least one tier has a cadence (the organization opted in). */
export const scheduleOn = (p: ReassessmentPolicy): boolean =>
  riskTiers.some((t) => p.cadenceDays[t] !== null);

/** What happened to one due date of one approved assessment (the create-if-absent record). */
export type DueState = 'claimed' | 'created' | 'proposed' | 'accepted' | 'dismissed' | 'covered';

/** The record of one (approved assessment, due date): created once, with a conditional put. */
export interface DueClaim {
  organizationId: string;
  assessmentId: string;
  /** The due date, YYYY-MM-DD (with `assessmentId`, the record's key). */
  dueOn: string;
  state: DueState;
  mode: ReassessmentPolicy['mode'];
  tier: RiskTier;
  cadenceDays: number;
  /** The re-assessment created (or intended, while `claimed`; or the one already running). */
  reassessmentId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Who accepted or dismissed a proposal. */
  decidedBy?: string | null;
  version: number;
}

/** One approved assessment whose re-assessment is due (or was made for the current due date). */
export interface DueEntry {
  assessment: Assessment;
  tier: RiskTier;
  cadenceDays: number;
  /** Midnight UTC of the due date. */
  dueAt: string;
  dueOn: string;
  /** Whole days past the due date (0 on the day itself; negative: not due yet). */
  overdueDays: number;
  /** The record for this due date, if the job (or procurement) has acted on it. */
  claim: DueClaim | null;
  /** A newer assessment of the same dataset that is neither decided nor cancelled. */
  running: Assessment | null;
}

const decided = new Set(['approved', 'rejected']);

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Every approved assessment of one organization with its current due date under `policy`:
 * the latest decision plus the cadence of the report's risk tier; a dismissed proposal moves the
 * date one cadence on. Left out: assessments that are not approved (a rejected one is never
 * re-assessed), archived ones, those without a report or whose tier has no cadence, and those a
 * newer assessment of the same dataset has superseded (decided). Entries whose date lies ahead are
 * included (negative `overdueDays`); callers filter.
 */
export function reassessmentSchedule(input: {
  assessments: Assessment[];
  claims: DueClaim[];
  policy: ReassessmentPolicy;
  now: Date;
}): DueEntry[] {
  const { assessments, claims, policy, now } = input;
  const successors = new Map<string, Assessment[]>();
  for (const a of assessments) {
    if (!a.previousAssessmentId) continue;
    successors.set(a.previousAssessmentId, [...(successors.get(a.previousAssessmentId) ?? []), a]);
  }
  const claimsOf = new Map<string, DueClaim[]>();
  for (const c of claims)
    claimsOf.set(c.assessmentId, [...(claimsOf.get(c.assessmentId) ?? []), c]);
  const today = Date.parse(`${dayOf(now.getTime())}T00:00:00.000Z`);
  const out: DueEntry[] = [];
  for (const a of assessments) {
    if (a.status !== 'approved' || a.archivedAt || !a.decision || !a.report) continue;
    const next = successors.get(a.id) ?? [];
    if (next.some((s) => decided.has(s.status))) continue;
    const tier = a.report.tier;
    const own = claimsOf.get(a.id) ?? [];
    // A record that is not dismissed fixes the due date, even if the cadence changed since.
    const standing = own.find((c) => c.state !== 'dismissed');
    const days = standing?.cadenceDays ?? policy.cadenceDays[tier];
    if (days === null) continue;
    let dueMs = Date.parse(`${a.decision.at.slice(0, 10)}T00:00:00.000Z`) + days * dayMs;
    if (standing) dueMs = Date.parse(`${standing.dueOn}T00:00:00.000Z`);
    else {
      const dismissed = new Set(own.map((c) => c.dueOn));
      while (dismissed.has(dayOf(dueMs))) dueMs += days * dayMs;
    }
    const dueOn = dayOf(dueMs);
    out.push({
      assessment: a,
      tier,
      cadenceDays: days,
      dueAt: new Date(dueMs).toISOString(),
      dueOn,
      overdueDays: Math.floor((today - dueMs) / dayMs),
      claim: own.find((c) => c.dueOn === dueOn) ?? null,
      running: next.find((s) => s.status !== 'cancelled') ?? null,
    });
  }
  return out.sort((x, y) => x.dueAt.localeCompare(y.dueAt));
}
