import type { Ctx } from '../context';
import { fmt, type Outcome } from '../context';
import type { SyntheticReading } from '../evidence';
import type { EvidenceStrength } from '../types';
import { chargeExcess, factor } from './rule';

const SHARE = 'synthetic_share_percent';

const estimateWords: Record<SyntheticReading['strength'], string> = {
  reviewed: 'reviewer spot-check',
  calibrated: 'reference-calibrated estimate',
  screening: 'screening estimate',
};

/** Beside a review: the style model's reading, and a disagreement when there is one. */
const aside = (r: SyntheticReading): string =>
  r.model
    ? ` The ${r.model.strength} style model reads about ${fmt(r.model.estimate)} % (at least ${fmt(r.model.low)} %)${r.disagreement ? `: ${r.disagreement}` : ''}.`
    : '';

/** What the measured facts are, for the contradiction's message (a pack match names pack and records). */
function factsBasis(r: SyntheticReading): string {
  if (r.images)
    return `${fmt(r.facts)} % of images declare AI origin in their own bytes (a valid C2PA manifest, an IPTC digital source type or generator metadata), a measured lower bound`;
  if (!r.matched)
    return `${fmt(r.facts)} % of records are tagged synthetic or carry assistant boilerplate`;
  const ex =
    r.matched.examples.length > 0 ? ` (e.g. records ${r.matched.examples.join(', ')})` : '';
  const what =
    r.matched.kind === 'echo' ? 'outputs of your own model' : 'a known machine-written corpus';
  return `${fmt(r.facts)} % of records match "${r.matched.pack}", ${what}${ex}, a measured lower bound`;
}

/**
 * Checks a claimed synthetic share `c` against the sample: contradicted only when measured facts
 * (tags, markers) or the interval's lower bound exceed the claim plus tolerance, with points for
 * what the lower bound holds up to (not the point estimate); unverified, with small separately
 * weighted points, when only the estimate does; consistent otherwise.
 */
export function checkShare(out: Outcome, ctx: Ctx, r: SyntheticReading, c: number, tol: number) {
  const weight = ctx.policy.weights.synthetic_share;
  const best = Math.max(r.estimate, r.facts);
  out.checks ??= [];
  const checks = out.checks;
  const check = (
    status: 'consistent' | 'unverified' | 'contradicted',
    evidence: EvidenceStrength,
    message: string,
  ) =>
    checks.push({
      questionId: SHARE,
      claimed: c,
      measured: Math.round(best * 10) / 10,
      lowerBound: Math.round(r.low * 10) / 10,
      status,
      evidence,
      message,
    });
  const byFacts = r.facts - c > tol;
  if (byFacts || r.low - c > tol) {
    const evidence: EvidenceStrength = byFacts ? 'measured' : r.strength;
    const basis = byFacts
      ? factsBasis(r)
      : `the ${estimateWords[r.strength]} is about ${fmt(best)} % (at least ${fmt(r.low)} % with 95% confidence)`;
    const message = `The sample contradicts the claimed ${fmt(c)} % synthetic share: ${basis}; tolerance ${fmt(tol)} points. Points follow the ${fmt(Math.max(r.low, r.facts))} % lower bound, set by ${evidence} evidence.${aside(r)}`;
    chargeExcess(out, {
      questionId: SHARE,
      // the lower bound, not the point estimate: what the evidence holds up to (facts included)
      points: (weight * (Math.max(r.low, r.facts) - c)) / 100,
      claimed: c,
      measured: best,
      tolerance: tol,
      contradicted: true,
      evidence,
      discrepancy: { id: 'synthetic_share_understated', message },
      withinTolerance: { id: 'machine_text_signals', message },
    });
    check('contradicted', evidence, message);
    return;
  }
  if (best - c > tol) {
    const why =
      r.weakness ?? `the signal is too weak (at least ${fmt(r.low)} % with 95% confidence)`;
    const message = `Unverified: the style model reads about ${fmt(best)} % machine-generated records against ${fmt(c)} % claimed, but ${why}. Not a contradiction, and a low reading would not prove human origin either.`;
    const points = ctx.policy.weights.synthetic_unverified * Math.min(1, (best - c) / 100);
    out.factors.push(factor('synthetic_share_unverified', points, message, 'sample', [SHARE]));
    check('unverified', r.strength, message);
    return;
  }
  const evidence: EvidenceStrength = r.facts > 0 && r.facts >= r.low ? 'measured' : r.strength;
  if (r.low > c) {
    const what = r.images
      ? 'of images declaring AI origin in their own files'
      : 'machine-generated records';
    const message = `The sample shows at least ${fmt(r.low)} % ${what}, above the ${fmt(c)} % claimed but within tolerance.`;
    out.factors.push(
      factor('machine_text_signals', (weight * (r.low - c)) / 100, message, 'sample', [SHARE]),
    );
    check('consistent', evidence, message);
    return;
  }
  const message =
    evidence === 'screening'
      ? `Consistent with the claimed ${fmt(c)} %: about ${fmt(best)} % by screening (${r.weakness}); a low reading is not proof of human origin.`
      : r.images
        ? `Consistent with the claimed ${fmt(c)} %: ${fmt(best)} % of images declare AI origin in their own files (a lower bound).`
        : `Consistent with the claimed ${fmt(c)} %: about ${fmt(best)} % machine-generated records${r.strength === 'reviewed' ? ' by reviewer spot-check' : ''}.${aside(r)}`;
  check('consistent', evidence, message);
}
