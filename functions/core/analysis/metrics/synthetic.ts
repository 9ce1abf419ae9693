import { estimateShare } from '../synthetic/estimate';
import { MODEL, SCORE_BINS } from '../synthetic/model';

/** How the estimate is made; repeated in the synthetic finding. */
export const ESTIMATE_METHOD =
  `records with machine-text markers count as generated; for the rest, each record gets a ` +
  `machine-likeness score from a logistic regression over ${MODEL.features.length} model-free style ` +
  'cues (sentence-length distribution, punctuation, lists, paragraph shape, function words, pronouns, ' +
  'hedges and discourse markers; no vocabulary-sophistication cues), and the share is an adjusted ' +
  "count over the score histogram. The 95% interval is a bootstrap over records widened by the model's " +
  `cross-domain error (±${MODEL.crossDomainError.toFixed(2)}, from the leave-one-domain-out table). ` +
  'A screening signal for the whole sample, never a verdict on a record; a low value is not proof of ' +
  'human origin. A same-domain, known-human reference sample calibrates it.';

/** Splits a partial's score counts (two halves of `SCORE_BINS`) into the two half-histograms. */
export function halves(scores: readonly number[]): [number[], number[]] {
  return [scores.slice(0, SCORE_BINS), scores.slice(SCORE_BINS, 2 * SCORE_BINS)];
}

/** Adds two histograms bin by bin. */
export const addHistograms = (a: readonly number[], b: readonly number[]): number[] =>
  a.map((c, i) => c + (b[i] ?? 0));

/** Combines the marker share `m` with a share `x` of the records without markers. */
export const withMarkers = (m: number, x: number): number => m + (1 - m) * x;

/**
 * The sample's estimated machine-generated share: markers first, the style model for the rest.
 * `unscored` counts records without markers that a keyed style sample left out of `scores`: the
 * marker share counts them, and the style share is estimated from the scored records alone, whose
 * bootstrap (over the scored records) already carries the sampling error.
 */
export function estimateSynthetic(markerRecords: number, scores: readonly number[], unscored = 0) {
  const [a, b] = halves(scores);
  const e = estimateShare(addHistograms(a, b), MODEL);
  const textRecords = markerRecords + e.records + unscored;
  const m = textRecords ? markerRecords / textRecords : 0;
  return {
    markerRate: m,
    statisticalShare: e.share,
    estimatedShare: withMarkers(m, e.share),
    interval: [withMarkers(m, e.interval[0]), withMarkers(m, e.interval[1])] as [number, number],
    scoreHistogram: [a, b] as [number[], number[]],
    scoredRecords: e.records,
  };
}
