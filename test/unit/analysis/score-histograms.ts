import type { Analysis } from '../../../functions/core/analysis';

/** Style-score histograms for the reference tests: 20 bins, as the style model writes them. */
export const BINS = 20;

/** A histogram of `n` records shaped like a discretized bump centred on bin `centre`. */
export function bump(n: number, centre: number, width = 2.5): number[] {
  const w = Array.from({ length: BINS }, (_, k) => Math.exp(-(((k - centre) / width) ** 2) / 2));
  const total = w.reduce((s, x) => s + x, 0);
  const h = w.map((x) => Math.floor((n * x) / total));
  h[centre] = (h[centre] as number) + n - h.reduce((s, c) => s + c, 0);
  return h;
}

/** `n` records, a share `pi` of them from a machine bump and the rest from a human bump. */
export const mix = (pi: number, n: number, humanCentre = 4, machineCentre = 15) =>
  bump(Math.round((1 - pi) * n), humanCentre).map(
    (c, k) => c + (bump(Math.round(pi * n), machineCentre)[k] as number),
  );

/** A histogram split into the two halves the analyzer keeps. */
export const split = (h: number[]): [number[], number[]] => [
  h.map((c) => Math.floor(c / 2)),
  h.map((c) => c - Math.floor(c / 2)),
];

/** A stored `synthetic` part with the histogram `h` and marker share `m`. */
export const stored = (h: number[], markerRate = 0): Analysis['synthetic'] => ({
  declaredShare: null,
  markerRate,
  estimatedShare: 0.5,
  interval: [0, 1],
  method: 'screening',
  scoreHistogram: split(h),
});
