import { type MixtureEstimate, mixtureEstimate } from './bootstrap';
import { excessLowerBound } from './excess';
import type { MixtureFit } from './mixture';

/** The two-sided share, checked against what the human reference alone proves. */
export interface TwoSidedShare extends MixtureEstimate {
  /**
   * The conservative lower bound on the share of sample records unlike the human reference
   * (`excessLowerBound`: one-sided 95 %, Bonferroni over thresholds, assuming nothing about the
   * machine text), i.e. the human-only calibration's lower bound.
   */
  departure: number;
  /** True when the mixture fit read below `departure` and the estimate was raised to it. */
  floored: boolean;
}

/**
 * The mixture fit of `sample` against the human and machine references, never below the sample's
 * departure from the human reference alone. The fit assumes the sample's machine text looks like
 * the machine reference's; when the references come from another generator or domain it need not,
 * and the fit can explain the sample as mostly human although the sample departs from the human
 * reference further than sampling allows. That departure is a lower bound that needs no machine
 * reference (the human-only mode already gates on it), so a fit below it is contradicted by the
 * data: the estimate becomes the departure and its interval starts there. On ../shared/data this
 * is what reads M4's llama-2 text against GSM8K model solutions as 80–94 % machine instead of 0 %
 * (the cross-generator table in docs/analyzer.md). A fit at or above the departure is returned unchanged.
 */
export function twoSidedShare(
  sample: readonly number[],
  human: readonly number[],
  machines: readonly (readonly number[])[],
  fit: MixtureFit,
): TwoSidedShare {
  const e = mixtureEstimate(sample, human, machines, fit);
  const departure = excessLowerBound(sample, human);
  if (e.share >= departure) return { ...e, departure, floored: false };
  return {
    share: departure,
    interval: [departure, Math.max(e.interval[1], departure)],
    standardError: e.standardError,
    departure,
    floored: true,
  };
}
