// PLACEHOLDER until merge: helper `spotcheck` writes the real spot-check core (CONTRACT-22.md);
// the integrator replaces this file. The pool shape below is this placeholder's own.
import type { AnalysisPartial } from '../partial/types';

/** A reviewer's tag of one record. */
export type SpotTag = 'machine' | 'human' | 'unsure';
/** One stratum of a file's records (by machine-likeness score). */
export interface SpotStratum {
  id: number;
  label: string;
  records: number;
}
/** One record drawn for review. */
export interface DrawnRecord {
  index: number;
  stratum: number;
  text: string;
  truncated: boolean;
}
/** The stratified estimate from a finished review. */
export interface SpotEstimate {
  share: number;
  interval: [number, number];
  reviewed: number;
  unsure: number;
  method: string;
}

/** Default records per spot-check. */
export const SPOT_CHECK_DEFAULT_SIZE = 100;
/** Most records per spot-check. */
export const SPOT_CHECK_MAX_SIZE = 400;

interface PlaceholderPool {
  entries: (DrawnRecord & { key: number })[];
}

/** Draws `n` records from the partial's pool: the lowest keys (deterministic). */
export function drawSpotCheck(partial: AnalysisPartial, n: number): DrawnRecord[] {
  const pool = (partial as unknown as { spotPool?: PlaceholderPool }).spotPool;
  if (!pool) throw new Error('the partial has no spot-check pool');
  return [...pool.entries]
    .sort((a, b) => a.key - b.key)
    .slice(0, n)
    .map(({ index, stratum, text, truncated }) => ({ index, stratum, text, truncated }));
}

const wilson = (k: number, n: number, z: number): [number, number] => {
  if (n === 0) return [0, 1];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
};

/** Stratified share; unsure tags count as human for the lower and machine for the upper bound. */
export function estimateSpotCheck(
  strata: SpotStratum[],
  tags: { stratum: number; tag: SpotTag }[],
): SpotEstimate {
  const total = strata.reduce((s, x) => s + x.records, 0) || 1;
  let share = 0;
  let lo = 0;
  let hi = 0;
  for (const st of strata) {
    const own = tags.filter((t) => t.stratum === st.id);
    if (own.length === 0) continue;
    const m = own.filter((t) => t.tag === 'machine').length;
    const u = own.filter((t) => t.tag === 'unsure').length;
    const w = st.records / total;
    share += (w * (m + u / 2)) / own.length;
    lo += w * wilson(m, own.length, 1.645)[0];
    hi += w * wilson(m + u, own.length, 1.645)[1];
  }
  return {
    share,
    interval: [lo, Math.max(hi, share)],
    reviewed: tags.length,
    unsure: tags.filter((t) => t.tag === 'unsure').length,
    method: 'stratified Wilson (placeholder)',
  };
}
