import { seededRandom } from '../../../lib/seeded-random';
import { resampleHistogram } from '../synthetic/resample';
import { MIXTURE_FITS, type MixtureFit } from './mixture';

/** Bootstrap replicates of the two-sided fit. */
export const TWO_SIDED_BOOTSTRAP = 400;
const SEED = 0x2517;

/** The two-sided share of a sample's scored records with its one-sided 95 % bounds. */
export interface MixtureEstimate {
  share: number;
  /** [5th percentile, 95th percentile] of the bootstrap, widened to contain `share`. */
  interval: [number, number];
  /** Bootstrap standard deviation of the share. */
  standardError: number;
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] as number;

/**
 * The mixture share of `sample` against the human and machine reference histograms, with a bootstrap
 * that resamples all three (sample, human reference, every machine reference) each replicate, so a
 * small reference widens the interval as much as a small sample does. Bounds are the 5th and 95th
 * percentiles (one-sided 95 % each). Deterministic: the generator is seeded.
 */
export function mixtureEstimate(
  sample: readonly number[],
  human: readonly number[],
  machines: readonly (readonly number[])[],
  fit: MixtureFit,
  replicates: number = TWO_SIDED_BOOTSTRAP,
): MixtureEstimate {
  const f = MIXTURE_FITS[fit];
  // no scored record: nothing to fit, the share of scored records is unknown
  if (!sample.some((c) => c > 0)) return { share: 0, interval: [0, 1], standardError: 0.5 };
  const share = f(sample, human, machines);
  const random = seededRandom(SEED);
  const draws = Array.from({ length: replicates }, () =>
    f(
      resampleHistogram(sample, random),
      resampleHistogram(human, random),
      machines.map((m) => resampleHistogram(m, random)),
    ),
  ).sort((a, b) => a - b);
  const mean = draws.reduce((s, x) => s + x, 0) / Math.max(1, draws.length);
  const sd = Math.sqrt(
    draws.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, draws.length - 1),
  );
  return {
    share,
    interval: [Math.min(share, quantile(draws, 0.05)), Math.max(share, quantile(draws, 0.95))],
    standardError: sd,
  };
}
