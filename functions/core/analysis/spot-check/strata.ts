import { halves } from '../metrics/synthetic';
import type { AnalysisPartial } from '../partial/types';
import { SCORE_BINS } from '../synthetic/model';
import { unmarkedRecords } from '../synthetic/sample';
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
 * Scales band counts of a keyed style sample to `total` records (largest remainders, so the sizes
 * add up to `total` exactly); unchanged when every record was scored.
 */
function scaleToTotal(counts: number[], total: number | null): number[] {
  const scored = counts.reduce((s, c) => s + c, 0);
  if (total === null || scored === 0 || scored === total) return counts;
  const exact = counts.map((c) => (c * total) / scored);
  const out = exact.map(Math.floor);
  const order = exact
    .map((_, i) => i)
    .sort((i, j) => {
      const d =
        (exact[j] as number) - (out[j] as number) - ((exact[i] as number) - (out[i] as number));
      return d || i - j;
    });
  for (let left = total - out.reduce((s, c) => s + c, 0), i = 0; left > 0; left--, i++) {
    const h = order[i % order.length] as number;
    out[h] = (out[h] as number) + 1;
  }
  return out;
}

/**
 * Strata of the records with text, sized from counts every partial already keeps (the marker count
 * and the score histogram), so they are exact for a merged partial: score bands from low to high
 * machine-likeness, then records with machine-text markers. Above the keyed style sample's bound the
 * band sizes are the sample's band shares of all records without markers.
 */
export function spotStrata(
  p: Pick<AnalysisPartial, 'records' | 'emptyText' | 'markers' | 'scores' | 'styleSampling'>,
): SpotStratum[] {
  const [a, b] = halves(p.scores);
  const counts: number[] = [];
  for (let h = 0; h < SCORE_BANDS; h++) {
    let records = 0;
    for (let k = h * BINS_PER_BAND; k < (h + 1) * BINS_PER_BAND; k++)
      records += (a[k] as number) + (b[k] as number);
    counts.push(records);
  }
  const sizes = scaleToTotal(counts, p.styleSampling ? unmarkedRecords(p) : null);
  const out: SpotStratum[] = sizes.map((records, h) => ({ id: h, label: label(h), records }));
  out.push({ id: MARKER_STRATUM, label: label(MARKER_STRATUM), records: p.markers.records });
  return out;
}
