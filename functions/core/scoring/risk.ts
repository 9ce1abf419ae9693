import type { QuestionnaireTemplate } from '../questionnaire/types';
import { answerChecks, claimRules } from './claims';
import { runRule } from './claims/rule';
import type { Ctx } from './context';
import { degradationFactors } from './degradation';
import { remediationFor } from './image-remediation';
import { missingFactors } from './missing';
import type { Policy } from './policy';
import { sampleFactors } from './sample-factors';
import type { ClaimCheck, Discrepancy, RiskFactor, Tier } from './types';

/** The tier a score falls in under the policy's cut-offs. */
export function tierOf(score: number, policy: Policy): Tier {
  if (score >= policy.tiers.critical) return 'critical';
  if (score >= policy.tiers.high) return 'high';
  if (score >= policy.tiers.moderate) return 'moderate';
  return 'low';
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Collapse risk: every factor with its points, reason and remediation; score capped at 100. */
export function assessRisk(
  ctx: Ctx,
  template: QuestionnaireTemplate,
): {
  score: number;
  tier: Tier;
  uncappedPoints: number;
  factors: RiskFactor[];
  discrepancies: Discrepancy[];
  claimChecks: ClaimCheck[];
} {
  const outcomes = [...claimRules, ...answerChecks].map((rule) => runRule(rule, ctx));
  const raw = [
    ...outcomes.flatMap((o) => o.factors),
    ...sampleFactors(ctx),
    ...degradationFactors(ctx),
    ...missingFactors(ctx, template, claimRules),
  ].filter((f) => f.raw > 0);
  // Sum unrounded points (rounded to 1e-6 to drop float noise) so the score is monotone in its inputs.
  const total = Math.round(raw.reduce((sum, f) => sum + f.raw, 0) * 1e6) / 1e6;
  const score = Math.round(Math.min(100, total));
  const factors = raw
    .map((f) => ({
      id: f.id,
      points: round1(f.raw),
      reason: f.reason,
      source: f.source,
      remediation: remediationFor(f.id, ctx),
      questionIds: f.questionIds,
    }))
    .sort((a, b) => b.points - a.points);
  return {
    score,
    tier: tierOf(score, ctx.policy),
    uncappedPoints: round1(total),
    factors,
    discrepancies: outcomes.flatMap((o) => o.discrepancies),
    claimChecks: outcomes.flatMap((o) => o.checks ?? []),
  };
}
