import type { Analysis } from '../analysis/types';
import { machineMatch } from './matches';
import type { EvidenceStrength, ReviewedShare } from './types';

const max = (...xs: number[]): number => Math.max(0, ...xs.filter((x) => Number.isFinite(x)));

/** What a sample says about its machine-generated share, by strength of evidence (percent). */
export interface SyntheticReading {
  /** Measured facts: the largest of the vendor's own synthetic tags, the marker rate and the share matching a known machine corpus. */
  facts: number;
  /** When a fingerprint pack match sets `facts`: the pack and example record indexes. */
  matched?: { pack: string; kind: string; examples: number[] };
  /** The estimate that sets the reading: a reviewer spot-check's, else the style model's. */
  estimate: number;
  /** The lower bound the evidence supports: the interval's lower end, or the facts if higher. */
  low: number;
  /** The strength of the estimate: reviewed, calibrated by a usable reference, or screening. */
  strength: 'reviewed' | 'calibrated' | 'screening';
  /** Why the style-model part is only screening, for people (absent when calibrated or reviewed). */
  weakness?: string;
  /** Beside a review: the style model's own reading (percent), shown, not gating. */
  model?: { estimate: number; low: number; high: number; strength: 'calibrated' | 'screening' };
  /** Beside a review: why the review and the style model disagree (their intervals do not overlap). */
  disagreement?: string;
  /** An image archive: `facts` are images whose own bytes declare AI origin (no style model). */
  images?: true;
}

const pct = (x: number) => `${Math.round(x)} %`;

/** The style model's reading: calibrated by a usable reference, or screening. */
function modelReading(a: Analysis): SyntheticReading {
  const s = a.synthetic;
  const match = machineMatch(a);
  const own = 100 * max(s.declaredShare ?? 0, s.markerRate);
  const facts = Math.min(100, Math.max(own, 100 * (match?.matchedShare ?? 0)));
  const matched =
    match && 100 * match.matchedShare > own
      ? { matched: { pack: match.pack, kind: match.kind, examples: match.examples.slice(0, 5) } }
      : {};
  const estimate = Math.min(100, 100 * max(s.estimatedShare));
  const low = Math.min(Math.max(estimate, facts), 100 * max(s.interval[0], facts / 100));
  const ref = s.reference;
  if (a.images) {
    const weakness =
      'only declared provenance is read from images: generated images without metadata go unseen';
    // a count's lower bound, rounded down to 0.1 % as the report's cards say it ("at least")
    const floor = (x: number) => Math.floor(10 * x + 1e-9) / 10;
    const [f, e, l] = [floor(facts), floor(estimate), floor(low)];
    return { facts: f, estimate: e, low: l, strength: 'screening', weakness, images: true };
  }
  if (ref?.selfTest.usable) return { facts, estimate, low, strength: 'calibrated', ...matched };
  const weakness = ref
    ? `the reference sample failed its self-test (${ref.selfTest.message})`
    : 'no reference sample calibrates the style model';
  return { facts, estimate, low, strength: 'screening', weakness, ...matched };
}

/**
 * Reads the machine-generated share of a sample, separating facts from model estimates. A finished
 * reviewer spot-check (`synthetic.review`) sets the reading and its lower bound gates: people
 * reading records outrank a model. The style model's reading stays beside it, and a disagreement
 * (intervals that do not overlap) is said.
 */
export function syntheticReading(a: Analysis): SyntheticReading {
  const m = modelReading(a);
  const review = (a.synthetic as { review?: ReviewedShare }).review;
  if (!review) return m;
  const { facts, matched } = m;
  const estimate = Math.min(100, 100 * max(review.share));
  const low = Math.min(Math.max(estimate, facts), 100 * max(review.interval[0], facts / 100));
  const high = Math.max(estimate, 100 * max(review.interval[1]));
  const modelHigh = 100 * max(a.synthetic.interval[1], m.estimate / 100);
  const strength = m.strength === 'calibrated' ? 'calibrated' : 'screening';
  const model = { estimate: m.estimate, low: m.low, high: modelHigh, strength } as const;
  const apart = low > modelHigh || m.low > high;
  return {
    facts,
    estimate,
    low,
    strength: 'reviewed',
    ...(matched ? { matched } : {}),
    model,
    ...(apart
      ? {
          disagreement: `the reviewers' ${pct(low)}–${pct(high)} and the ${m.strength} style model's ${pct(m.low)}–${pct(modelHigh)} do not overlap; the review decides`,
        }
      : {}),
  };
}

/** The measured machine-generated share in percent: the largest of estimate, vendor flags and markers. */
export function syntheticPercent(a: Analysis): number {
  const r = syntheticReading(a);
  return Math.max(r.estimate, r.facts);
}

/** The lower end of the measured synthetic share in percent: what the evidence holds up to. */
export function syntheticLowPercent(a: Analysis): number {
  return syntheticReading(a).low;
}

/** The strength of the evidence behind `syntheticLowPercent`. */
export function syntheticLowStrength(a: Analysis): EvidenceStrength {
  const r = syntheticReading(a);
  return r.facts >= r.low ? 'measured' : r.strength;
}

/** The measured near-duplicate rate in percent. */
export const nearDuplicatePercent = (a: Analysis): number => 100 * max(a.duplicates.nearRate);

/** The measured exact-duplicate rate in percent. */
export const exactDuplicatePercent = (a: Analysis): number => 100 * max(a.duplicates.exactRate);

type Role = 'source' | 'createdAt' | 'synthetic' | 'generator' | 'license';

/** The share of sample records carrying the field used for `role`, 0 when the field was not found. */
export function fieldShare(a: Analysis, role: Role): number {
  const name = a.input.fields[role];
  const per = a.provenance.perField;
  const share = (name === undefined ? undefined : per[name]) ?? per[role];
  return name === undefined && per[role] === undefined ? 0 : max(share ?? 0);
}

/** The largest holdout overlap rate reported by either analysis, or undefined when none was measured. */
export function overlapRate(...analyses: (Analysis | undefined)[]): number | undefined {
  const rates = analyses.flatMap((a) => (a?.contamination ? [a.contamination.overlapRate] : []));
  return rates.length === 0 ? undefined : max(...rates);
}
