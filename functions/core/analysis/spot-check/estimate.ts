import {
  SPOT_TAGS,
  SpotCheckInputError,
  type SpotEstimate,
  type SpotStratum,
  type SpotTag,
} from './types';

/** Two-sided 95 %: each bound misses with probability 2.5 %. */
const Z = 1.959964;

/** How `estimateSpotCheck` computes its share and interval (shown beside the result). */
export const SPOT_CHECK_METHOD =
  'stratified estimate Σ W_h·p_h over strata of machine-likeness (W_h: the stratum’s share of the ' +
  'records with text, p_h: the share tagged machine among its reviewed records); two-sided 95 % ' +
  'Wilson score interval at the Kish effective sample size (with the finite-population ' +
  'correction of each stratum). "Can’t tell" tags count as human for the lower bound, as machine ' +
  'for the upper bound and as half for the point estimate; a stratum with no review counts as ' +
  'unknown the same way.';

/** The Wilson score interval of a proportion `p` at (effective) sample size `n`. */
export function wilson(p: number, n: number): [number, number] {
  if (!(n > 0)) return [0, 1];
  if (!Number.isFinite(n)) return [p, p];
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function check(strata: readonly SpotStratum[], tags: readonly { stratum: number; tag: SpotTag }[]) {
  const byId = new Map<number, number>();
  strata.forEach((s, i) => {
    if (!Number.isInteger(s.id) || byId.has(s.id))
      throw new SpotCheckInputError(`strata[${i}].id: ${s.id} is not a unique whole number`);
    if (!Number.isInteger(s.records) || s.records < 0)
      throw new SpotCheckInputError(`strata[${i}].records: ${s.records} is not a count`);
    byId.set(s.id, i);
  });
  if (tags.length === 0) throw new SpotCheckInputError('no tags: review at least one record');
  const reviewed = strata.map(() => ({ n: 0, machine: 0, unsure: 0 }));
  tags.forEach((t, i) => {
    const h = byId.get(t.stratum);
    if (h === undefined)
      throw new SpotCheckInputError(`tags[${i}].stratum: no stratum ${t.stratum}`);
    if (!SPOT_TAGS.includes(t.tag))
      throw new SpotCheckInputError(
        `tags[${i}].tag: "${String(t.tag)}" is not one of ${SPOT_TAGS.join(', ')}`,
      );
    const r = reviewed[h] as { n: number; machine: number; unsure: number };
    r.n++;
    if (t.tag === 'machine') r.machine++;
    if (t.tag === 'unsure') r.unsure++;
    if (r.n > (strata[h] as SpotStratum).records)
      throw new SpotCheckInputError(
        `tags: more tags in stratum ${t.stratum} than its ${(strata[h] as SpotStratum).records} records`,
      );
  });
  return reviewed;
}

/** Rounds to 12 decimals, clearing floating-point residue from sums of stratum weights. */
const tidy = (x: number) => Math.round(x * 1e12) / 1e12;

/**
 * The stratified share of machine-made records from reviewers' tags (`stratum` of each tagged
 * record, from the draw or recomputed from the file) and the strata sizes of the whole file.
 * Interval: Wilson score at the Kish effective sample size n_eff = (Σ W_h)² / Σ W_h²·c_h/n_h over
 * reviewed strata, c_h = (N_h − n_h)/(N_h − 1) the finite-population correction (a fully reviewed
 * stratum adds no sampling error). Wilson, not Wald: it stays inside [0, 1] and keeps its coverage
 * at shares near 0 or 1 — where an honest or an all-machine sample lies. `unsure` tags never drop
 * out: the lower bound counts them human, the upper bound machine.
 */
export function estimateSpotCheck(
  strata: readonly SpotStratum[],
  tags: readonly { stratum: number; tag: SpotTag }[],
): SpotEstimate {
  const reviewed = check(strata, tags);
  const total = strata.reduce((a, s) => a + s.records, 0);
  let share = 0;
  let low = 0;
  let high = 0;
  let wReviewed = 0;
  let wUnknown = 0;
  let denominator = 0;
  strata.forEach((s, h) => {
    const r = reviewed[h] as { n: number; machine: number; unsure: number };
    const w = s.records / total;
    if (w === 0) return;
    if (r.n === 0) {
      wUnknown += w;
      return;
    }
    wReviewed += w;
    share += (w * (r.machine + r.unsure / 2)) / r.n;
    low += (w * r.machine) / r.n;
    high += (w * (r.machine + r.unsure)) / r.n;
    const fpc = s.records > 1 ? (s.records - r.n) / (s.records - 1) : 0;
    denominator += (w * w * fpc) / r.n;
  });
  const nEff = denominator > 0 ? (wReviewed * wReviewed) / denominator : Number.POSITIVE_INFINITY;
  const lo = wilson(low / wReviewed, nEff)[0] * wReviewed;
  const hi = wilson(high / wReviewed, nEff)[1] * wReviewed + wUnknown;
  // sums of weights leave rounding residue (0.9999999999999999): an all-machine review must read 1
  const point = tidy(share + wUnknown / 2);
  return {
    share: point,
    interval: [Math.min(tidy(lo), point), Math.max(point, Math.min(1, tidy(hi)))],
    reviewed: tags.length,
    unsure: tags.filter((t) => t.tag === 'unsure').length,
    method: SPOT_CHECK_METHOD,
  };
}
