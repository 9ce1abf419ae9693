import { halves } from '../metrics/synthetic';
import type { AnalysisPartial } from '../partial/types';
import { unmarkedRecords } from '../synthetic/sample';
import type { Analysis } from '../types';

/** What a calibration reads: a stored analysis, its `synthetic` part, or a stored partial. */
export type SyntheticEvidence = Analysis['synthetic'] | Analysis | AnalysisPartial;

/** A reference or sample that cannot be calibrated (for example, an analysis stored before score histograms). */
export class ReferenceCalibrationError extends Error {
  override readonly name = 'ReferenceCalibrationError';
}

/** The score histograms (two halves) and marker count of a sample. */
export interface ScoreCounts {
  halves: [number[], number[]];
  markerRecords: number;
}

const total = (h: readonly number[]) => h.reduce((s, c) => s + c, 0);

/** Reads the score histograms out of any stored form of an analysis. */
export function scoreCounts(e: SyntheticEvidence, what: string): ScoreCounts {
  if ('scores' in e && Array.isArray(e.scores)) {
    const scored = total(e.scores);
    const unmarked = unmarkedRecords(e);
    // a keyed style sample scores some records: the markers scale to the same share
    const markerRecords =
      e.styleSampling && unmarked > 0
        ? Math.round((e.markers.records * scored) / unmarked)
        : e.markers.records;
    return { halves: halves(e.scores), markerRecords };
  }
  const s = 'synthetic' in e ? e.synthetic : (e as Analysis['synthetic']);
  if (!s.scoreHistogram) {
    throw new ReferenceCalibrationError(
      `the ${what} analysis has no style-score histogram (it was stored by an older version): analyze the ${what} again`,
    );
  }
  const [a, b] = s.scoreHistogram;
  const scored = total(a) + total(b);
  const m = s.markerRate;
  return {
    halves: [[...a], [...b]],
    markerRecords: m >= 1 ? 0 : Math.round((m * scored) / (1 - m)),
  };
}

/** The `synthetic` part of any stored form that has one (a partial has none). */
export const syntheticOf = (e: SyntheticEvidence): Analysis['synthetic'] | null =>
  'scores' in e && Array.isArray(e.scores)
    ? null
    : 'synthetic' in e
      ? e.synthetic
      : (e as Analysis['synthetic']);
