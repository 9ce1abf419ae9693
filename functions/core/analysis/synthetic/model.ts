import { STYLE_MODEL } from './coefficients';
import { FEATURE_COUNT, FEATURE_NAMES } from './features';

/**
 * A fitted logistic-regression style model and what the fit measured about its scores. Written by
 * `scripts/fit-style-model.ts` into `coefficients.ts`; nothing here is tuned by hand.
 */
export interface StyleModel {
  features: readonly string[];
  /** Standardization: z = (x − mean) / scale. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  /** Score histogram bins over [0, 1]. */
  bins: number;
  /** Share of the training machine (human) records scoring in bin k or above, k = 0..bins. */
  machineAtLeast: readonly number[];
  humanAtLeast: readonly number[];
  /** The lowest per-corpus machine share in bin k or above: a pessimistic detection rate. */
  machineAtLeastMin: readonly number[];
  /** The 90th-percentile leave-one-domain-out error of the share estimate: widens every interval. */
  crossDomainError: number;
  /** The corpora the model was fitted on. */
  corpora: readonly string[];
}

/** The shipped model. */
export const MODEL: StyleModel = STYLE_MODEL;

/** Score bins of the shipped model (the histogram per half has this many counts). */
export const SCORE_BINS = MODEL.bins;

if (MODEL.features.join() !== FEATURE_NAMES.join() || MODEL.weights.length !== FEATURE_COUNT) {
  throw new Error('the style model was fitted on other features: run scripts/fit-style-model.ts');
}
