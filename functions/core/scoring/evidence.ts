import type { Analysis } from '../analysis/types';

const max = (...xs: number[]): number => Math.max(0, ...xs.filter((x) => Number.isFinite(x)));

/** The measured machine-generated share in percent: the largest of estimate, vendor flags and markers. */
export function syntheticPercent(a: Analysis): number {
  const s = a.synthetic;
  return Math.min(100, 100 * max(s.estimatedShare, s.declaredShare ?? 0, s.markerRate));
}

/** The lower end of the measured synthetic share in percent, used to decide discrepancies. */
export function syntheticLowPercent(a: Analysis): number {
  const s = a.synthetic;
  return Math.min(
    syntheticPercent(a),
    100 * max(s.interval[0], s.declaredShare ?? 0, s.markerRate),
  );
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
