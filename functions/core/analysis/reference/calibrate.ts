import { addHistograms, withMarkers } from '../metrics/synthetic';
import { MODEL, type StyleModel } from '../synthetic/model';
import type { Analysis, ReferenceSummary } from '../types';
import { type ScoreCounts, type SyntheticEvidence, scoreCounts, syntheticOf } from './evidence';
import { excessAt, excessLowerBound, THRESHOLDS, Z_BONFERRONI } from './excess';

/** A reference needs this many scored records (half in each split) for its self-test to mean anything. */
export const MIN_REFERENCE_RECORDS = 40;
/** The halves of a usable reference read at most this lower bound against each other. */
export const SELF_TEST_LIMIT = 0.05;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const sum = (h: readonly number[]) => h.reduce((s, c) => s + c, 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Split-half self-test: each half of the reference read against the other must show ~0 excess. */
export function selfTest(ref: ScoreCounts): ReferenceSummary['selfTest'] {
  const [a, b] = ref.halves;
  const records = sum(a) + sum(b);
  if (records < MIN_REFERENCE_RECORDS || Math.min(sum(a), sum(b)) < MIN_REFERENCE_RECORDS / 4) {
    return {
      usable: false,
      lowerBound: 0,
      message: `The reference has ${records} records with text; at least ${MIN_REFERENCE_RECORDS} are needed to calibrate.`,
    };
  }
  const lowerBound = Math.max(excessLowerBound(a, b), excessLowerBound(b, a));
  return lowerBound <= SELF_TEST_LIMIT
    ? {
        usable: true,
        lowerBound,
        message: `The two halves of the reference read ${pct(lowerBound)} against each other: consistent.`,
      }
    : {
        usable: false,
        lowerBound,
        message: `The two halves of the reference read ${pct(lowerBound)} against each other (at most ${pct(SELF_TEST_LIMIT)} allowed): it is not one consistent body of text, so it cannot calibrate.`,
      };
}

/**
 * The calibrated share of the sample's scored records: adjusted estimate and interval. `model` is
 * the shipped style model; the validation scripts pass the model fitted without the held-out domain.
 */
export function calibratedShare(sample: number[], reference: number[], model: StyleModel = MODEL) {
  const lower = excessLowerBound(sample, reference);
  // the threshold where the model separates machine text from this reference best
  const k = THRESHOLDS.reduce((best, t) => {
    const gap = (x: number) =>
      (model.machineAtLeast[x] as number) - excessAt(sample, reference, x).r;
    return gap(t) > gap(best) ? t : best;
  }, THRESHOLDS[0] as number);
  const { s, r, se } = excessAt(sample, reference, k);
  const room = Math.max(0.05, (model.machineAtLeast[k] as number) - r);
  const share = clamp01(Math.max(lower, (s - r) / room));
  const upper = clamp01(
    Math.max(share, (s - r + Z_BONFERRONI * se) / room + model.crossDomainError),
  );
  return { share, lower, upper };
}

/**
 * Calibrates a sample's machine-text estimate against a buyer reference (known-human records of the
 * same domain): the adjusted estimate, a conservative lower bound (one-sided 95 %, Bonferroni over
 * thresholds) and the split-half self-test of the reference. Works from stored analyses or partials.
 * An unusable reference leaves the screening estimate in place and says why in `reference`.
 */
export function calibrateWithReference(
  sample: SyntheticEvidence,
  reference: SyntheticEvidence,
  options: { name?: string } = {},
): Analysis['synthetic'] & { reference: ReferenceSummary } {
  const base = syntheticOf(sample);
  if (!base)
    throw new TypeError('pass the finalized analysis (or its synthetic part) as the sample');
  const s = scoreCounts(sample, 'sample');
  const ref = scoreCounts(reference, 'reference');
  const test = selfTest(ref);
  const summary: ReferenceSummary = {
    ...(options.name ? { name: options.name } : {}),
    records: sum(ref.halves[0]) + sum(ref.halves[1]),
    markerRecords: ref.markerRecords,
    selfTest: test,
    screening: { estimatedShare: base.estimatedShare, interval: base.interval },
  };
  if (!test.usable) return { ...base, reference: summary };
  const c = calibratedShare(addHistograms(...s.halves), addHistograms(...ref.halves));
  const m = base.markerRate;
  return {
    ...base,
    estimatedShare: withMarkers(m, c.share),
    interval: [withMarkers(m, c.lower), withMarkers(m, c.upper)],
    reference: summary,
  };
}
