import type { SpotStratum } from './types';

/** Reviews every nonempty stratum gets before the rest is shared out (or its whole size). */
export const MIN_PER_STRATUM = 2;

/**
 * How many of `n` reviews each stratum gets (same order as `strata`). Each nonempty stratum first
 * gets min(size, 2), the highest strata first when `n` is too small for that; the rest is shared
 * half equally among the nonempty strata and half in proportion to their sizes, no stratum beyond
 * its size (the excess goes to the others by the same rule), rounded by largest remainder (ties to
 * the higher stratum). Proportional allocation alone is self-weighting and has the smallest
 * variance when strata are alike, but would leave the rare high-score strata (where machine text
 * concentrates and the model is least sure) with one or two reads; the equal half makes sure
 * reviewers read them, at a loss of precision the interval's Kish effective sample size carries. Deterministic: the same sizes and `n` give the same allocation.
 */
export function allocateSpotCheck(strata: readonly SpotStratum[], n: number): number[] {
  const sizes = strata.map((s) => s.records);
  const out = sizes.map(() => 0);
  const total = sizes.reduce((a, b) => a + b, 0);
  let left = Math.min(n, total);
  // the floor, one round at a time, from the highest stratum down
  for (let round = 0; round < MIN_PER_STRATUM; round++) {
    for (let h = sizes.length - 1; h >= 0 && left > 0; h--) {
      if ((sizes[h] as number) > (out[h] as number)) {
        out[h] = (out[h] as number) + 1;
        left--;
      }
    }
  }
  if (left === 0) return out;
  // water-filling: share `left` by the weights among strata that still have room
  const target = out.map((x) => x);
  let open = sizes.map((s, h) => s > (out[h] as number));
  let pool = left;
  for (;;) {
    const m = open.filter(Boolean).length;
    if (m === 0) break;
    const openSize = sizes.reduce((a, s, h) => a + (open[h] ? s : 0), 0);
    const share = sizes.map((s, h) => (open[h] ? pool * (0.5 / m + (0.5 * s) / openSize) : 0));
    const over = share.findIndex(
      (x, h) => open[h] && (target[h] as number) + x > (sizes[h] as number),
    );
    if (over < 0) {
      share.forEach((x, h) => {
        target[h] = (target[h] as number) + x;
      });
      break;
    }
    // fix every stratum that would overflow at its size, then share the rest again
    const next = open.map(
      (o, h) => o && (target[h] as number) + (share[h] as number) <= (sizes[h] as number),
    );
    open.forEach((o, h) => {
      if (o && !next[h]) {
        pool -= (sizes[h] as number) - (target[h] as number);
        target[h] = sizes[h] as number;
      }
    });
    open = next;
  }
  const floors = target.map(Math.floor);
  let rest = Math.min(n, total) - floors.reduce((a, b) => a + b, 0);
  const order = target
    .map((t, h) => ({ h, r: t - Math.floor(t) }))
    .sort((a, b) => b.r - a.r || b.h - a.h);
  for (const { h } of order) {
    if (rest <= 0) break;
    if ((floors[h] as number) < (sizes[h] as number)) {
      floors[h] = (floors[h] as number) + 1;
      rest--;
    }
  }
  return floors;
}
