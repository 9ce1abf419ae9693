import { atLeast } from '../synthetic/estimate';

/** Score thresholds (histogram bins of 20) the excess is tested at: scores 0.2, 0.3, … 0.8. */
export const THRESHOLDS = [4, 6, 8, 10, 12, 14, 16] as const;
/** One-sided 95 % normal quantile, Bonferroni-corrected over the seven thresholds: Φ⁻¹(1 − 0.05/7). */
export const Z_BONFERRONI = 2.45;

const sum = (h: readonly number[]) => h.reduce((s, c) => s + c, 0);

/** Share above threshold k in sample and reference, and the standard error of their difference. */
export function excessAt(sample: readonly number[], reference: readonly number[], k: number) {
  const ns = sum(sample);
  const nr = sum(reference);
  const s = atLeast(sample)[k] as number;
  const r = atLeast(reference)[k] as number;
  const se = Math.sqrt((s * (1 - s)) / Math.max(1, ns) + (r * (1 - r)) / Math.max(1, nr));
  return { s, r, se };
}

/**
 * A conservative lower bound on the share of sample records that are not like the reference: at each
 * threshold, the one-sided 95 % lower bound of (sample share above − reference share above), divided
 * by the room left above the reference (1 − reference share), which assumes every machine record
 * scores above the threshold; the largest over thresholds (Bonferroni), never below 0.
 */
export function excessLowerBound(sample: readonly number[], reference: readonly number[]): number {
  if (sum(sample) === 0 || sum(reference) === 0) return 0;
  let best = 0;
  for (const k of THRESHOLDS) {
    const { s, r, se } = excessAt(sample, reference, k);
    if (r >= 1) continue;
    best = Math.max(best, (s - r - Z_BONFERRONI * se) / (1 - r));
  }
  return Math.min(1, best);
}
