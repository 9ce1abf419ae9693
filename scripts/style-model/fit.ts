import { FEATURE_COUNT, FEATURE_NAMES } from '../../functions/core/analysis/synthetic/features';
import { textFeatures } from '../../functions/core/analysis/synthetic/measure';
import type { StyleModel } from '../../functions/core/analysis/synthetic/model';
import { scoreBin, styleScore } from '../../functions/core/analysis/synthetic/score';
import type { Corpus } from './corpora';

/** A corpus with the feature vector of each text. */
export interface Featurized extends Corpus {
  x: Float64Array[];
}

/** Score histogram bins of fitted models. */
export const BINS = 20;
/** L2 penalty on the standardized coefficients. */
const LAMBDA = 2;
const ITERATIONS = 25;

/** Measures every text of every corpus. */
export const featurize = (corpora: Corpus[]): Featurized[] =>
  corpora.map((c) => ({ ...c, x: c.texts.map(textFeatures) }));

// Solves A x = b for a symmetric positive definite A (Cholesky), in place.
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  for (let j = 0; j < n; j++) {
    const rj = a[j] as Float64Array;
    let d = rj[j] as number;
    for (let k = 0; k < j; k++) d -= (rj[k] as number) ** 2;
    d = Math.sqrt(Math.max(d, 1e-12));
    rj[j] = d;
    for (let i = j + 1; i < n; i++) {
      const ri = a[i] as Float64Array;
      let s = ri[j] as number;
      for (let k = 0; k < j; k++) s -= (ri[k] as number) * (rj[k] as number);
      ri[j] = s / d;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= ((a[i] as Float64Array)[k] as number) * (y[k] as number);
    y[i] = s / ((a[i] as Float64Array)[i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= ((a[k] as Float64Array)[i] as number) * (y[k] as number);
    y[i] = s / ((a[i] as Float64Array)[i] as number);
  }
  return y;
}

/**
 * Fits the style model on `corpora`: standardized features, L2-penalized logistic regression by
 * Newton's method, every corpus weighted equally within its class and the classes balanced; then the
 * score rates per bin that the adjusted count needs.
 */
export function fitModel(corpora: Featurized[], crossDomainError = 0): StyleModel {
  const rows: { x: Float64Array; y: number; w: number }[] = [];
  for (const c of corpora) {
    const sameClass = corpora.filter((o) => o.machine === c.machine).length;
    for (const x of c.x) rows.push({ x, y: c.machine ? 1 : 0, w: 1 / (c.x.length * sameClass) });
  }
  const d = FEATURE_COUNT;
  const totalW = rows.reduce((s, r) => s + r.w, 0);
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (const r of rows)
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (r.w * (r.x[j] as number)) / totalW;
  for (const r of rows)
    for (let j = 0; j < d; j++)
      scale[j] =
        (scale[j] as number) + (r.w * ((r.x[j] as number) - (mean[j] as number)) ** 2) / totalW;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j] as number) || 1;
  const z = rows.map((r) =>
    Float64Array.from(r.x, (v, j) => (v - (mean[j] as number)) / (scale[j] as number)),
  );
  // beta[0..d-1] coefficients, beta[d] the bias (not penalized)
  const beta = new Float64Array(d + 1);
  for (let it = 0; it < ITERATIONS; it++) {
    const grad = new Float64Array(d + 1);
    const hess = Array.from({ length: d + 1 }, () => new Float64Array(d + 1));
    rows.forEach((r, i) => {
      const zi = z[i] as Float64Array;
      let t = beta[d] as number;
      for (let j = 0; j < d; j++) t += (beta[j] as number) * (zi[j] as number);
      const p = 1 / (1 + Math.exp(-t));
      const g = (r.w * (p - r.y)) / totalW;
      const h = (r.w * p * (1 - p)) / totalW;
      for (let j = 0; j <= d; j++) {
        const zj = j === d ? 1 : (zi[j] as number);
        grad[j] = (grad[j] as number) + g * zj;
        const hj = hess[j] as Float64Array;
        for (let k = 0; k <= j; k++)
          hj[k] = (hj[k] as number) + h * zj * (k === d ? 1 : (zi[k] as number));
      }
    });
    const pen = LAMBDA / rows.length;
    for (let j = 0; j < d; j++) {
      grad[j] = (grad[j] as number) + pen * (beta[j] as number);
      const hj = hess[j] as Float64Array;
      hj[j] = (hj[j] as number) + pen;
    }
    const hd = hess[d] as Float64Array;
    hd[d] = (hd[d] as number) + 1e-9;
    for (let j = 0; j <= d; j++)
      for (let k = 0; k < j; k++)
        (hess[k] as Float64Array)[j] = (hess[j] as Float64Array)[k] as number;
    const step = solve(hess, grad);
    let size = 0;
    for (let j = 0; j <= d; j++) {
      beta[j] = (beta[j] as number) - (step[j] as number);
      size = Math.max(size, Math.abs(step[j] as number));
    }
    if (size < 1e-8) break;
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const model: StyleModel = {
    features: [...FEATURE_NAMES],
    mean: Array.from(mean, round),
    scale: Array.from(scale, round),
    weights: Array.from(beta.subarray(0, d), round),
    bias: round(beta[d] as number),
    bins: BINS,
    machineAtLeast: [],
    humanAtLeast: [],
    machineAtLeastMin: [],
    crossDomainError,
    corpora: corpora.map((c) => c.name),
  };
  return withRates(model, corpora);
}

/** The histogram of a corpus's scores under `model`. */
export const histogramOf = (x: Float64Array[], model: StyleModel): number[] => {
  const h = new Array<number>(model.bins).fill(0);
  for (const v of x) {
    const b = scoreBin(styleScore(v, model), model.bins);
    h[b] = (h[b] as number) + 1;
  }
  return h;
};

function withRates(model: StyleModel, corpora: Featurized[]): StyleModel {
  const rates = (machine: boolean) =>
    corpora
      .filter((c) => c.machine === machine)
      .map((c) => {
        const h = histogramOf(c.x, model);
        const out = new Array<number>(model.bins + 1).fill(0);
        let run = 0;
        for (let k = model.bins - 1; k >= 0; k--) {
          run += h[k] as number;
          out[k] = run / c.x.length;
        }
        return out;
      });
  const avg = (rs: number[][]) =>
    Array.from(
      { length: model.bins + 1 },
      (_, k) => Math.round((rs.reduce((s, r) => s + (r[k] as number), 0) / rs.length) * 1e4) / 1e4,
    );
  const m = rates(true);
  return {
    ...model,
    machineAtLeast: avg(m),
    humanAtLeast: avg(rates(false)),
    machineAtLeastMin: Array.from({ length: model.bins + 1 }, (_, k) =>
      Math.min(...m.map((r) => r[k] as number)),
    ),
  };
}
