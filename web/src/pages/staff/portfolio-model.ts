/** Groups assessments into re-assessment chains and orders them by risk (pure, unit-tested). */
import { isRanked } from '../../api/statuses';
import type { Assessment, Tier } from '../../api/types';

/** Sorts submitted assessments by risk score, highest first; unscored or unsubmitted last, oldest first. */
export function byRiskDescending(a: Assessment, b: Assessment): number {
  const sa = isRanked(a.status) ? a.report?.score : undefined;
  const sb = isRanked(b.status) ? b.report?.score : undefined;
  if (sa !== undefined && sb !== undefined && sa !== sb) return sb - sa;
  if (sa === undefined && sb !== undefined) return 1;
  if (sb === undefined && sa !== undefined) return -1;
  return (a.submittedAt ?? a.createdAt).localeCompare(b.submittedAt ?? b.createdAt);
}

/** One dataset's assessments over time, linked by previousAssessmentId. */
export interface Chain {
  vendor: string;
  dataset: string;
  assessments: Assessment[];
  latest: Assessment;
  /** The latest scored assessment: the score, tier and status shown together come from it. */
  scored: Assessment | null;
  /** A newer assessment than `scored` with no score yet (a draft or one with the vendor). */
  pending: Assessment | null;
  /** The latest scored assessment's tier and score. */
  tier: Tier | null;
  score: number | null;
  /** Scores in delivery order (null where an assessment has no report yet). */
  trend: (number | null)[];
}

/** Builds one chain per dataset lineage, riskiest latest score first. */
export function buildChains(assessments: Assessment[]): Chain[] {
  const byId = new Map(assessments.map((a) => [a.id, a]));
  const rootOf = (a: Assessment): string => {
    let current = a;
    const seen = new Set<string>();
    while (current.previousAssessmentId && !seen.has(current.id)) {
      seen.add(current.id);
      const previous = byId.get(current.previousAssessmentId);
      if (!previous) return current.previousAssessmentId;
      current = previous;
    }
    return current.id;
  };
  const groups = new Map<string, Assessment[]>();
  for (const a of assessments) {
    const root = rootOf(a);
    groups.set(root, [...(groups.get(root) ?? []), a]);
  }
  const chains: Chain[] = [];
  for (const members of groups.values()) {
    const ordered = [...members].sort((x, y) => x.createdAt.localeCompare(y.createdAt));
    const latest = ordered[ordered.length - 1] as Assessment;
    // Only submitted assessments rank: one still with the vendor shows no score.
    const scoreOf = (a: Assessment) => (isRanked(a.status) ? (a.report?.score ?? null) : null);
    const scored = [...ordered].reverse().find((a) => scoreOf(a) !== null);
    chains.push({
      vendor: latest.vendor.name,
      dataset: latest.dataset.name,
      assessments: ordered,
      latest,
      scored: scored ?? null,
      pending: latest !== scored ? latest : null,
      tier: scored?.report?.tier ?? null,
      score: scored?.report?.score ?? null,
      trend: ordered.map(scoreOf),
    });
  }
  return chains.sort(
    (x, y) => (y.score ?? -1) - (x.score ?? -1) || x.vendor.localeCompare(y.vendor),
  );
}

/** Describes the change between the last two scores in words (for people and screen readers). */
export function trendText(trend: (number | null)[]): string {
  const scores = trend.filter((s): s is number => s !== null).map(Math.round);
  if (scores.length === 0) return 'Not scored yet';
  if (scores.length === 1) return 'First assessment';
  const last = scores[scores.length - 1] as number;
  const before = scores[scores.length - 2] as number;
  const path = scores.join(' → ');
  if (last === before) return `${path} (unchanged)`;
  return last > before
    ? `${path} (risk up ${last - before})`
    : `${path} (risk down ${before - last})`;
}
