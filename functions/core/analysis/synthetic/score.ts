import type { StyleModel } from './model';

/** The machine-likeness score (0–1) of one feature vector. */
export function styleScore(x: Float64Array, model: StyleModel): number {
  let t = model.bias;
  for (let i = 0; i < x.length; i++) {
    t +=
      ((model.weights[i] as number) * ((x[i] as number) - (model.mean[i] as number))) /
      (model.scale[i] as number);
  }
  return 1 / (1 + Math.exp(-t));
}

/** The histogram bin of a score. */
export const scoreBin = (score: number, bins: number): number =>
  Math.min(bins - 1, Math.max(0, Math.floor(score * bins)));
