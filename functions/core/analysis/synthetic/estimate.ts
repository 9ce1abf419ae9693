import { seededRandom } from '../../../lib/seeded-random';
import type { StyleModel } from './model';
import { resampleHistogram } from './resample';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const BOOTSTRAP = 400;
const SEED = 0x5eed;

/** Share of a histogram's records in bin `k` or above, for every k = 0..bins. */
export function atLeast(hist: readonly number[]): number[] {
  const total = hist.reduce((s, c) => s + c, 0);
  const out = new Array<number>(hist.length + 1).fill(0);
  let run = 0;
  for (let k = hist.length - 1; k >= 0; k--) {
    run += hist[k] as number;
    out[k] = total ? run / total : 0;
  }
  return out;
}

/** Thresholds (bins) where the model separates the classes well enough to adjust a count. */
export function usefulThresholds(model: StyleModel): number[] {
  const gap = (k: number) =>
    (model.machineAtLeast[k] as number) - (model.humanAtLeast[k] as number);
  const ks = Array.from({ length: model.bins - 1 }, (_, i) => i + 1);
  const good = ks.filter((k) => gap(k) >= 0.3);
  if (good.length > 0) return good;
  return [ks.reduce((best, k) => (gap(k) > gap(best) ? k : best), 1)];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * Adjusted classify-and-count over the score histogram: at each useful threshold the share above
 * it, corrected by the model's human and machine rates there, (q − fpr) / (tpr − fpr); the median.
 */
export function adjustedShare(hist: readonly number[], model: StyleModel): number {
  const q = atLeast(hist);
  return median(
    usefulThresholds(model).map((k) => {
      const fpr = model.humanAtLeast[k] as number;
      const tpr = model.machineAtLeast[k] as number;
      return clamp01(((q[k] as number) - fpr) / (tpr - fpr));
    }),
  );
}

/** The estimate with its interval: a bootstrap over records, widened by the cross-domain error. */
export interface ShareEstimate {
  share: number;
  /** 2.5 % and 97.5 % bootstrap quantiles, before the cross-domain allowance. */
  bootstrap: [number, number];
  interval: [number, number];
  records: number;
}

/** Estimates the machine share of the records in `hist` (style scores of records without markers). */
export function estimateShare(
  hist: readonly number[],
  model: StyleModel,
  allowance: number = model.crossDomainError,
): ShareEstimate {
  const records = hist.reduce((s, c) => s + c, 0);
  if (records === 0) return { share: 0, bootstrap: [0, 1], interval: [0, 1], records };
  const share = adjustedShare(hist, model);
  const random = seededRandom(SEED);
  const draws = Array.from({ length: BOOTSTRAP }, () =>
    adjustedShare(resampleHistogram(hist, random), model),
  ).sort((a, b) => a - b);
  const lo = Math.min(share, draws[Math.floor(0.025 * BOOTSTRAP)] as number);
  const hi = Math.max(share, draws[Math.ceil(0.975 * BOOTSTRAP) - 1] as number);
  return {
    share,
    bootstrap: [lo, hi],
    interval: [clamp01(lo - allowance), clamp01(hi + allowance)],
    records,
  };
}
