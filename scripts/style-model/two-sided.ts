import { calibratedShare } from '../../functions/core/analysis/reference/calibrate';
import { twoSidedShare } from '../../functions/core/analysis/reference/departure';
import {
  checkMachineHistogram,
  MIN_ORIENTATION,
  MIN_SEPARATION,
} from '../../functions/core/analysis/reference/machine-check';
import type { MixtureFit } from '../../functions/core/analysis/reference/mixture';
import type { StyleModel } from '../../functions/core/analysis/synthetic/model';
import { type Featurized, histogramOf } from './fit';

/** The generator behind each machine corpus's domain (Alpaca was generated with text-davinci-003). */
export const GENERATORS: Record<string, string> = {
  'self-instruct': 'text-davinci-003',
  alpaca: 'text-davinci-003',
  gsm8k: 'GPT-3 6B/175B',
  'm4 arxiv': 'llama-2-70b-chat',
  'm4 reddit': 'llama-2-70b-chat',
  'm4 wikihow': 'llama-2-70b-chat',
  'm4 wikipedia': 'llama-2-70b-chat',
};

/** Records per reference: 40 % of a corpus's rows, at least 40 and at most 200. */
export const referenceSize = (rows: number) => Math.min(200, Math.max(40, Math.round(0.4 * rows)));

/** One held-out test set estimated against a same-domain human and machine reference. */
export interface TwoSidedRow {
  domain: string;
  set: string;
  records: number;
  /** Records in the human and the machine reference. */
  references: [number, number];
  truth: number;
  estimate: number;
  /** One-sided 95 % lower and upper bounds. */
  interval: [number, number];
  error: number;
  separation: number;
  /** False when the references are too close to tell apart (the product falls back to human-only). */
  usable: boolean;
}

/** How the product read a cross-generator pair. */
export type CrossMode = 'two-sided' | 'departure' | 'human only';

/** A 100 % machine test set read against a machine reference from another generator. */
export interface CrossRow {
  sample: string;
  reference: string;
  separation: number;
  /** How often the machine reference scores above the human reference (at least one half to be used). */
  orientation: number;
  usable: boolean;
  /**
   * `two-sided`: the mixture fit; `departure`: the fit read below the human-only lower bound and was
   * raised to it; `human only`: the machine reference was refused and the human reference calibrates.
   */
  mode: CrossMode;
  estimate: number;
  lower: number;
  /** The same pair read on the domain's held-out human test set (an honest file). */
  humanEstimate: number;
  humanLower: number;
}

/** The two-sided validation and its summary figures. */
export interface TwoSidedTable {
  fit: MixtureFit;
  rows: TwoSidedRow[];
  /** Domains whose references separate (the summary figures are over their rows). */
  domains: number;
  /** Domains whose references cannot tell the two apart: the product falls back to human-only. */
  refused: string[];
  mae: number;
  worst: number;
  /** The largest lower bound on a human-only test set. */
  humanLowerMax: number;
  /** Machine corpora whose 100 % machine test set has a lower bound of at least 0.5. */
  machineReached: number;
  machineCorpora: number;
  cross: CrossRow[];
  /** Cross-generator pairs whose machine reference the product uses (separation and orientation). */
  crossUsable: number;
  /** Pairs whose 100 % machine file reads at least 0.4, whatever the mode the product chose. */
  crossReached: number;
  /** The pairs whose machine file is not from a refused domain (its text reads as human there too). */
  crossVisible: number;
  crossVisibleReached: number;
  /** The largest lower bound any cross pair gives the domain's human test set. */
  crossHumanLowerMax: number;
}

/** A domain with both classes: the references are its first rows, the test sets the rest. */
interface Split {
  domain: string;
  human: Featurized;
  machine: Featurized;
  size: number;
}

const splits = (corpora: Featurized[]): Split[] =>
  [...new Set(corpora.map((c) => c.domain))].flatMap((domain) => {
    const human = corpora.find((c) => c.domain === domain && !c.machine);
    const machine = corpora.find((c) => c.domain === domain && c.machine);
    if (!human || !machine) return [];
    return [
      { domain, human, machine, size: referenceSize(Math.min(human.x.length, machine.x.length)) },
    ];
  });

/**
 * For every domain with a human and a machine corpus, with the style model fitted without that
 * domain: a human and a machine reference from the domain's first rows (the same prompts, as a buyer
 * who runs its human reference's prompts through a model gets), and test sets from the other rows
 * (human, machine, and a 50/50 mix whose halves answer different prompts). Then every 100 % machine
 * test set against every other corpus's machine reference from another generator.
 */
export function twoSidedValidation(
  corpora: Featurized[],
  modelFor: (...heldOut: string[]) => StyleModel,
  fit: MixtureFit,
): TwoSidedTable {
  const all = splits(corpora);
  const machineRefs = corpora
    .filter((c) => c.machine)
    .map((c) => ({ c, size: referenceSize(c.x.length) }));
  const rows: TwoSidedRow[] = [];
  const cross: CrossRow[] = [];
  for (const s of all) {
    const model = modelFor(s.domain);
    const hist = (x: Float64Array[]) => histogramOf(x, model);
    const humanRef = hist(s.human.x.slice(0, s.size));
    const machineRef = hist(s.machine.x.slice(0, s.size));
    const check = checkMachineHistogram(machineRef, humanRef);
    const separation = check.separation as number;
    const h = s.human.x.slice(s.size);
    const m = s.machine.x.slice(s.size);
    const n = Math.min(h.length, m.length);
    const half = n >> 1;
    const sets = [
      { set: s.human.name, x: h, truth: 0 },
      { set: s.machine.name, x: m, truth: 1 },
      {
        set: `${s.domain} 50/50 mix`,
        x: [...h.slice(0, half), ...m.slice(half, n)],
        truth: (n - half) / n,
      },
    ];
    for (const t of sets) {
      const e = twoSidedShare(hist(t.x), humanRef, [machineRef], fit);
      rows.push({
        domain: s.domain,
        set: t.set,
        records: t.x.length,
        references: [s.size, s.size],
        truth: t.truth,
        estimate: e.share,
        interval: e.interval,
        error: Math.abs(e.share - t.truth),
        separation,
        usable: check.usable,
      });
    }
    const generator = GENERATORS[s.domain];
    for (const r of machineRefs) {
      if (r.c === s.machine || GENERATORS[r.c.domain] === generator) continue;
      // neither the sample's domain nor the reference's was fitted on: as with a buyer's own texts
      const pair = modelFor(s.domain, r.c.domain);
      const humanRefPair = histogramOf(s.human.x.slice(0, s.size), pair);
      const machineRefPair = histogramOf(r.c.x.slice(0, r.size), pair);
      const check = checkMachineHistogram(machineRefPair, humanRefPair);
      // what the product reports: the two-sided fit (raised to the departure when it reads below
      // it), or, with the machine reference refused, the human reference alone
      const read = (x: Float64Array[]) => {
        const sample = histogramOf(x, pair);
        if (!check.usable) {
          const c = calibratedShare(sample, humanRefPair, pair);
          return { mode: 'human only' as const, share: c.share, lower: c.lower };
        }
        const e = twoSidedShare(sample, humanRefPair, [machineRefPair], fit);
        const mode = e.floored ? ('departure' as const) : ('two-sided' as const);
        return { mode, share: e.share, lower: e.interval[0] };
      };
      const machineRead = read(m);
      const humanRead = read(h);
      cross.push({
        sample: s.machine.name,
        reference: r.c.name,
        separation: check.separation as number,
        orientation: check.orientation as number,
        usable: check.usable,
        mode: machineRead.mode,
        estimate: machineRead.share,
        lower: machineRead.lower,
        humanEstimate: humanRead.share,
        humanLower: humanRead.lower,
      });
    }
  }
  const used = rows.filter((r) => r.usable);
  const machine = used.filter((r) => r.truth === 1);
  const crossUsed = cross.filter((r) => r.usable);
  const refusedNames = new Set(
    all
      .filter((x) => rows.some((r) => r.domain === x.domain && !r.usable))
      .map((x) => x.machine.name),
  );
  const visible = cross.filter((r) => !refusedNames.has(r.sample));
  return {
    fit,
    rows,
    domains: new Set(used.map((r) => r.domain)).size,
    refused: [...new Set(rows.filter((r) => !r.usable).map((r) => r.domain))],
    mae: used.reduce((a, r) => a + r.error, 0) / Math.max(1, used.length),
    worst: Math.max(0, ...used.map((r) => r.error)),
    humanLowerMax: Math.max(0, ...used.filter((r) => r.truth === 0).map((r) => r.interval[0])),
    machineReached: machine.filter((r) => r.interval[0] >= 0.5).length,
    machineCorpora: machine.length,
    cross,
    crossUsable: crossUsed.length,
    crossReached: cross.filter((r) => r.estimate >= 0.4).length,
    crossVisible: visible.length,
    crossVisibleReached: visible.filter((r) => r.estimate >= 0.4).length,
    crossHumanLowerMax: Math.max(0, ...cross.map((r) => r.humanLower)),
  };
}

const p = (x: number) => `${Math.round(x * 100)} %`;

const sep = (x: number, usable: boolean) => `${x.toFixed(2)}${usable ? '' : ' (too close)'}`;

/** The two-sided tables as Markdown, as published in docs/analyzer.md below the screening table. */
export function formatTwoSided(t: TwoSidedTable): string {
  return [
    `**Two-sided** (a human and a machine reference, ${t.fit} mixture fit; references from the ` +
      "held-out domain's first rows, test sets from the others; separation is the total-variation " +
      `distance of the two references' scores, at least ${MIN_SEPARATION.toFixed(2)} to be used):`,
    '',
    '| held-out domain | test set | records | references (human / machine) | separation | truth | estimate | one-sided 95 % bounds | error |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|',
    ...t.rows.map(
      (r) =>
        `| ${r.domain} | ${r.set} | ${r.records} | ${r.references[0]} / ${r.references[1]} | ${sep(r.separation, r.usable)} | ${p(r.truth)} | ${p(r.estimate)} | ${p(r.interval[0])}–${p(r.interval[1])} | ${r.error.toFixed(2)} |`,
    ),
    '',
    `Two-sided, over the ${t.domains} domains whose references separate: mean absolute error ` +
      `**${t.mae.toFixed(2)}**, worst error **${t.worst.toFixed(2)}**, largest lower bound on a human ` +
      `test set **${p(t.humanLowerMax)}**, 100 % machine sets with a lower bound of 50 % or more ` +
      `**${t.machineReached} of ${t.machineCorpora}**. References too close to tell apart ` +
      `(${t.refused.join(', ') || 'none'}) are refused and the estimate falls back to the human reference alone.`,
    '',
    "A 100 % machine test set against a machine reference from another generator (the domain's own " +
      'human reference; style model fitted without either domain), read as the product reads it: the ' +
      'two-sided fit, raised to the departure from the human reference when it reads below it, or the ' +
      `human reference alone when the machine reference is refused (separation under ${MIN_SEPARATION.toFixed(2)}, ` +
      `or scoring above the human reference less than ${MIN_ORIENTATION.toFixed(2)} of the time). The last column ` +
      "is the same pair on the domain's held-out human test set:",
    '',
    '| machine test set | machine reference | separation | scores above human | read as | estimate | lower bound | human file: lower bound |',
    '|---|---|---:|---:|---|---:|---:|---:|',
    ...t.cross.map(
      (r) =>
        `| ${r.sample} | ${r.reference} | ${r.separation.toFixed(2)} | ${r.orientation.toFixed(2)} | ${r.mode} | ${p(r.estimate)} | ${p(r.lower)} | ${p(r.humanLower)} |`,
    ),
    '',
    `Pairs whose 100 % machine file reads 40 % or more: **${t.crossReached} of ${t.cross.length}** ` +
      `(the machine reference is used in ${t.crossUsable}); without the pairs whose machine file comes from a ` +
      `refused domain (${t.refused.join(', ') || 'none'}: its text reads as human even against its own domain's ` +
      `machine reference) **${t.crossVisibleReached} of ${t.crossVisible}**. Largest lower bound on a human ` +
      `file over all pairs: **${p(t.crossHumanLowerMax)}**.`,
  ].join('\n');
}
