import { TWO_SIDED_FIT } from '../../functions/core/analysis/reference/two-sided';
import { estimateShare } from '../../functions/core/analysis/synthetic/estimate';
import type { StyleModel } from '../../functions/core/analysis/synthetic/model';
import { type Featurized, fitModel, histogramOf } from './fit';
import { formatTwoSided, type TwoSidedTable, twoSidedValidation } from './two-sided';

/** One held-out test set: its truth, the estimate and the interval. */
export interface LodoRow {
  domain: string;
  set: string;
  records: number;
  truth: number;
  estimate: number;
  interval: [number, number];
  error: number;
  covered: boolean;
}

/** The leave-one-domain-out table and its summary figures. */
export interface LodoTable {
  rows: LodoRow[];
  mae: number;
  worst: number;
  covered: number;
  /** Human-only sets, and those whose interval's lower bound exceeds 10 %. */
  humanSets: number;
  humanFlagged: number;
  /** The allowance shipped with the model: the 90th-percentile error over all folds. */
  allowance: number;
  /** The same folds with a human and a machine reference (scripts/style-model/two-sided.ts). */
  twoSided: TwoSidedTable;
}

/** The interval allowance is this quantile of the cross-domain errors (the worst is an outlier domain). */
export const ALLOWANCE_QUANTILE = 0.9;

/** The `ALLOWANCE_QUANTILE` quantile of absolute errors. */
export function allowanceOf(errors: number[]): number {
  const s = [...errors].sort((a, b) => a - b);
  return s.length
    ? (s[Math.min(s.length - 1, Math.ceil(ALLOWANCE_QUANTILE * s.length) - 1)] as number)
    : 1;
}

/** A lower bound above this on human-only data counts as a false positive. */
export const FLAG_ABOVE = 0.1;

function testSets(held: Featurized[]): { set: string; x: Float64Array[]; truth: number }[] {
  const sets = held.map((c) => ({ set: c.name, x: c.x, truth: c.machine ? 1 : 0 }));
  const human = held.find((c) => !c.machine);
  const machine = held.find((c) => c.machine);
  if (human && machine) {
    // different prompts in each half, so no pair of answers to the same task is mixed
    const n = Math.min(human.x.length, machine.x.length);
    const half = n >> 1;
    sets.push({
      set: `${human.domain} 50/50 mix`,
      x: [...human.x.slice(0, half), ...machine.x.slice(half, n)],
      truth: (n - half) / n,
    });
  }
  return sets;
}

/**
 * The style model fitted without the held-out domain(s), each set fitted once: the cross-fitting
 * every validation here uses, so no test set is scored by a model that saw its domain.
 */
export function foldModels(corpora: Featurized[]): (...heldOut: string[]) => StyleModel {
  const fits = new Map<string, StyleModel>();
  return (...heldOut) => {
    const key = heldOut.join('\n');
    const known = fits.get(key);
    if (known) return known;
    const model = fitModel(corpora.filter((c) => !heldOut.includes(c.domain)));
    fits.set(key, model);
    return model;
  };
}

/**
 * Fits on every domain but one and estimates the machine share of the held-out domain's sets (each
 * corpus, plus a half-and-half mix where the domain has both), for every domain. The interval of a
 * fold is its bootstrap interval widened by the 90th-percentile error of the other folds.
 */
export function leaveOneDomainOut(corpora: Featurized[]): LodoTable {
  const domains = [...new Set(corpora.map((c) => c.domain))];
  const modelFor = foldModels(corpora);
  const raw = domains.flatMap((domain) => {
    const model = modelFor(domain);
    return testSets(corpora.filter((c) => c.domain === domain)).map((t) => {
      const e = estimateShare(histogramOf(t.x, model), model, 0);
      return { domain, ...t, e, error: Math.abs(e.share - t.truth) };
    });
  });
  const rows = raw.map((r): LodoRow => {
    const allowance = allowanceOf(raw.filter((o) => o.domain !== r.domain).map((o) => o.error));
    const lo = Math.max(0, r.e.bootstrap[0] - allowance);
    const hi = Math.min(1, r.e.bootstrap[1] + allowance);
    return {
      domain: r.domain,
      set: r.set,
      records: r.x.length,
      truth: r.truth,
      estimate: r.e.share,
      interval: [lo, hi],
      error: r.error,
      covered: lo <= r.truth && r.truth <= hi,
    };
  });
  const human = rows.filter((r) => r.truth === 0);
  return {
    rows,
    mae: rows.reduce((s, r) => s + r.error, 0) / rows.length,
    worst: Math.max(...rows.map((r) => r.error)),
    covered: rows.filter((r) => r.covered).length,
    humanSets: human.length,
    humanFlagged: human.filter((r) => r.interval[0] > FLAG_ABOVE).length,
    allowance: allowanceOf(rows.map((r) => r.error)),
    twoSided: twoSidedValidation(corpora, modelFor, TWO_SIDED_FIT),
  };
}

const p = (x: number) => `${Math.round(x * 100)} %`;

/** The table as Markdown, as published in docs/analyzer.md. */
export function formatTable(t: LodoTable): string {
  const lines = [
    '| held-out domain | test set | records | truth | estimate | interval | error |',
    '|---|---|---:|---:|---:|---|---:|',
    ...t.rows.map(
      (r) =>
        `| ${r.domain} | ${r.set} | ${r.records} | ${p(r.truth)} | ${p(r.estimate)} | ${p(r.interval[0])}–${p(r.interval[1])} | ${r.error.toFixed(2)} |`,
    ),
    '',
    `Mean absolute error **${t.mae.toFixed(2)}**, worst error **${t.worst.toFixed(2)}**, interval ` +
      `coverage **${t.covered} of ${t.rows.length}**, false positives on human-only corpora ` +
      `(lower bound above ${p(FLAG_ABOVE)}) **${t.humanFlagged} of ${t.humanSets}**; interval ` +
      `allowance (90th-percentile error) **${t.allowance.toFixed(2)}**.`,
    '',
    formatTwoSided(t.twoSided),
  ];
  return lines.join('\n');
}
