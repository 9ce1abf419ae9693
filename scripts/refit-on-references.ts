import { mixtureEstimate } from '../functions/core/analysis/reference/bootstrap';
import { TWO_SIDED_FIT } from '../functions/core/analysis/reference/two-sided';
import type { StyleModel } from '../functions/core/analysis/synthetic/model';
import { scoreBin, styleScore } from '../functions/core/analysis/synthetic/score';
import { loadCorpora } from './style-model/corpora';
import { type Featurized, featurize, fitModel } from './style-model/fit';
import { foldModels } from './style-model/lodo';
import { referenceSize } from './style-model/two-sided';

// Usage: npx tsx scripts/refit-on-references.ts
// The optional experiment of issue 22: refit the style weights on the two references (cross-fitted:
// each half of the references is added to the fold's training corpora, each reference record is
// scored by the model fitted on the other half, the sample by the mean of both), against the fixed
// fold model, leave-one-domain-out on the domains whose references separate. Measured: mean error
// 0.053 against 0.056, worst 0.50 against 0.18 (the self-instruct 50/50 mix reads 1 %): not kept.
// It also could not run on stored analyses, which keep score histograms, not features.
const BINS = 20;
const corpora = featurize(loadCorpora());
const modelFor = foldModels(corpora);
const histogram = (x: Float64Array[], score: (v: Float64Array) => number) => {
  const h = new Array<number>(BINS).fill(0);
  for (const v of x) {
    const k = scoreBin(score(v), BINS);
    h[k] = (h[k] as number) + 1;
  }
  return h;
};
const by = (m: StyleModel) => (v: Float64Array) => styleScore(v, m);
const errors = { fixed: [] as number[], refit: [] as number[] };
for (const d of ['self-instruct', 'm4 arxiv', 'm4 reddit', 'm4 wikihow', 'm4 wikipedia']) {
  const human = corpora.find((c) => c.domain === d && !c.machine) as Featurized;
  const machine = corpora.find((c) => c.domain === d && c.machine) as Featurized;
  const size = referenceSize(Math.min(human.x.length, machine.x.length));
  const [hr, mr, half] = [human.x.slice(0, size), machine.x.slice(0, size), size >> 1];
  const train = corpora.filter((c) => c.domain !== d);
  const refs = (h: Float64Array[], m: Float64Array[]): Featurized[] => [
    { domain: d, name: `${d} human reference`, machine: false, texts: [], x: h },
    { domain: d, name: `${d} machine reference`, machine: true, texts: [], x: m },
  ];
  const a = fitModel([...train, ...refs(hr.slice(0, half), mr.slice(0, half))]);
  const b = fitModel([...train, ...refs(hr.slice(half), mr.slice(half))]);
  const crossFitted = (xs: Float64Array[]) => {
    const h = new Array<number>(BINS).fill(0);
    xs.forEach((v, i) => {
      const k = scoreBin(styleScore(v, i < half ? b : a), BINS);
      h[k] = (h[k] as number) + 1;
    });
    return h;
  };
  const both = (v: Float64Array) => (styleScore(v, a) + styleScore(v, b)) / 2;
  const fixed = modelFor(d);
  const h = human.x.slice(size);
  const m = machine.x.slice(size);
  const n = Math.min(h.length, m.length);
  const sets: [string, Float64Array[], number][] = [
    ['human', h, 0],
    ['machine', m, 1],
    ['50/50 mix', [...h.slice(0, n >> 1), ...m.slice(n >> 1, n)], (n - (n >> 1)) / n],
  ];
  for (const [name, x, truth] of sets) {
    const f = mixtureEstimate(
      histogram(x, by(fixed)),
      histogram(hr, by(fixed)),
      [histogram(mr, by(fixed))],
      TWO_SIDED_FIT,
    );
    const r = mixtureEstimate(
      histogram(x, both),
      crossFitted(hr),
      [crossFitted(mr)],
      TWO_SIDED_FIT,
    );
    errors.fixed.push(Math.abs(f.share - truth));
    errors.refit.push(Math.abs(r.share - truth));
    console.log(
      `${d} ${name}: fixed ${f.share.toFixed(2)} (lower ${f.interval[0].toFixed(2)}), refit ${r.share.toFixed(2)} (lower ${r.interval[0].toFixed(2)})`,
    );
  }
}
const summary = (e: number[]) =>
  `mean error ${(e.reduce((s, x) => s + x, 0) / e.length).toFixed(3)}, worst ${Math.max(...e).toFixed(2)}`;
console.log(
  `fixed model: ${summary(errors.fixed)}; refitted on the references: ${summary(errors.refit)}`,
);
