import { fmix32 } from '../hash/mix';
import type { AnalysisPartial } from '../partial/types';
import { allocateSpotCheck } from './allocate';
import { spotStrata } from './strata';
import { type DrawnRecord, SPOT_CHECK_MAX_SIZE, SpotCheckInputError } from './types';

const ORDER_SALT = 0x7a3d_19c5;

/** The display order of a drawn record: a re-mix of its keyed priority, unrelated to its stratum. */
const displayKey = (priority: number): number =>
  fmix32(fmix32((priority / 2 ** 20) | 0) ^ (priority % 2 ** 20) ^ ORDER_SALT) >>> 0;

/**
 * Moves what `counts` asks beyond a stratum's pool to strata with pool records left, one at a time
 * from the highest stratum down. Only a style-sampled fold has pools smaller than their strata (a
 * rare score band's pool holds its scored records, its size counts all of them); otherwise every
 * count already fits and nothing changes.
 */
export function fitToPools(counts: readonly number[], available: readonly number[]): number[] {
  const out = counts.map((c, h) => Math.min(c, available[h] as number));
  let left = counts.reduce((s, c) => s + c, 0) - out.reduce((s, c) => s + c, 0);
  while (left > 0) {
    let moved = false;
    for (let h = out.length - 1; h >= 0 && left > 0; h--) {
      if ((out[h] as number) < (available[h] as number)) {
        out[h] = (out[h] as number) + 1;
        left--;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}

/**
 * Draws `n` records (1..SPOT_CHECK_MAX_SIZE, at most the records with text) for review from a
 * partial folded with a spot-check key: `allocateSpotCheck` decides how many per stratum, each
 * stratum gives its records with the smallest keyed priorities (a simple random sample of the
 * stratum for a secret key), and the records come in the order of a second keyed hash, so a
 * reviewer cannot tell a record's stratum from its position. Deterministic given the partial.
 */
export function drawSpotCheck(partial: AnalysisPartial, n: number): DrawnRecord[] {
  const pool = partial.spotPool;
  if (!pool)
    throw new SpotCheckInputError(
      'this sample was analyzed without a spot-check key: fold it with the spotCheck option',
    );
  if (!Number.isInteger(n) || n < 1 || n > SPOT_CHECK_MAX_SIZE)
    throw new SpotCheckInputError(
      `the spot-check size must be a whole number from 1 to ${SPOT_CHECK_MAX_SIZE}, got ${n}`,
    );
  const strata = spotStrata(partial);
  const counts = fitToPools(
    allocateSpotCheck(strata, n),
    strata.map((s) => pool.strata[s.id]?.length ?? 0),
  );
  const drawn: (DrawnRecord & { order: number })[] = [];
  strata.forEach((s, h) => {
    for (const e of (pool.strata[s.id] ?? []).slice(0, counts[h])) {
      drawn.push({
        index: e.index,
        stratum: s.id,
        text: e.text,
        truncated: e.truncated,
        order: displayKey(e.priority),
      });
    }
  });
  drawn.sort((a, b) => a.order - b.order || a.index - b.index);
  return drawn.map(({ order: _, ...record }) => record);
}
