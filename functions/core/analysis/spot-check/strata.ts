import { halves } from '../metrics/synthetic';
import type { AnalysisPartial } from '../partial/types';
import { SCORE_BINS } from '../synthetic/model';
import type { SpotStratum } from './types';

/** Score bands over the style-score histogram (4 bands of 5 bins: 0–0.25, …, 0.75–1). */
export const SCORE_BANDS = 4;
const BINS_PER_BAND = SCORE_BINS / SCORE_BANDS;
/** The stratum of records with machine-text markers (they carry no style score). */
export const MARKER_STRATUM = SCORE_BANDS;
/** Number of strata: the score bands plus the marker stratum. */
export const STRATA = SCORE_BANDS + 1;

if (!Number.isInteger(BINS_PER_BAND)) throw new Error('score bins must split into whole bands');

/** The stratum of a scored record from its histogram bin (0..SCORE_BINS-1). */
export const bandOfBin = (bin: number): number => Math.floor(bin / BINS_PER_BAND);

const label = (h: number): string =>
  h === MARKER_STRATUM
    ? 'machine-text markers'
    : `style score ${(h / SCORE_BANDS).toFixed(2)}–${((h + 1) / SCORE_BANDS).toFixed(2)}`;

/**
 * Strata of the records with text, sized from counts every partial already keeps (the marker count
 * and the score histogram), so they are exact for a merged partial: score bands from low to high
 * machine-likeness, then records with machine-text markers.
 */
export function spotStrata(p: Pick<AnalysisPartial, 'markers' | 'scores'>): SpotStratum[] {
  const [a, b] = halves(p.scores);
  const out: SpotStratum[] = [];
  for (let h = 0; h < SCORE_BANDS; h++) {
    let records = 0;
    for (let k = h * BINS_PER_BAND; k < (h + 1) * BINS_PER_BAND; k++)
      records += (a[k] as number) + (b[k] as number);
    out.push({ id: h, label: label(h), records });
  }
  out.push({ id: MARKER_STRATUM, label: label(MARKER_STRATUM), records: p.markers.records });
  return out;
}
