import type { Analysis } from '../analysis/types';
import { machineMatch } from './matches';
import type { EvidenceStrength } from './types';

const max = (...xs: number[]): number => Math.max(0, ...xs.filter((x) => Number.isFinite(x)));

/** What a sample says about its machine-generated share, by strength of evidence (percent). */
export interface SyntheticReading {
  /** Measured facts: the largest of the vendor's own synthetic tags, the marker rate and the share matching a known machine corpus. */
  facts: number;
  /** When a fingerprint pack match sets `facts`: the pack and example record indexes. */
  matched?: { pack: string; kind: string; examples: number[] };
  /** The style-model estimate (markers included): screening or calibrated. */
  estimate: number;
  /** The lower bound the evidence supports: the interval's lower end, or the facts if higher. */
  low: number;
  /** The strength of the style-model part: calibrated by a usable reference, or screening. */
  strength: 'calibrated' | 'screening';
  /** Why the style-model part is only screening, for people (absent when calibrated). */
  weakness?: string;
}

/** Reads the machine-generated share of a sample, separating facts from model estimates. */
export function syntheticReading(a: Analysis): SyntheticReading {
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
  if (ref?.selfTest.usable) return { facts, estimate, low, strength: 'calibrated', ...matched };
  const weakness = ref
    ? `the reference sample failed its self-test (${ref.selfTest.message})`
    : 'no reference sample calibrates the style model';
  return { facts, estimate, low, strength: 'screening', weakness, ...matched };
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
