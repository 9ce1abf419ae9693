import { SPOT_CHECK_DEFAULT_SIZE } from '../../functions/core/analysis/spot-check';
import type { Corpus } from './corpora';
import { foldLabelled, type LabelledText, simulateSpotCheck } from './spot-check-sim';

/** One held-out test set read by a simulated reviewer spot-check. */
export interface SpotCheckRow {
  domain: string;
  set: string;
  records: number;
  truth: number;
  estimate: number;
  interval: [number, number];
  error: number;
  covered: boolean;
}

/** The simulated spot-check column of the validation: one row per leave-one-domain-out test set. */
export interface SpotCheckTable {
  rows: SpotCheckRow[];
  mae: number;
  worst: number;
  covered: number;
  /** Human-only sets whose lower bound exceeds 5 %. */
  humanFlagged: number;
}

/** The draw's key: fixed, so the published table is reproducible. */
const KEY = 'validation';

/** The leave-one-domain-out test sets as labelled texts: each corpus, and the domain's 50/50 mix. */
function testSets(corpora: Corpus[]): { domain: string; set: string; records: LabelledText[] }[] {
  const domains = [...new Set(corpora.map((c) => c.domain))];
  return domains.flatMap((domain) => {
    const held = corpora.filter((c) => c.domain === domain);
    const sets = held.map((c) => ({
      domain,
      set: c.name,
      records: c.texts.map((text) => ({ text, machine: c.machine })),
    }));
    const human = held.find((c) => !c.machine);
    const machine = held.find((c) => c.machine);
    if (human && machine) {
      // as in lodo.ts: different prompts in each half
      const n = Math.min(human.texts.length, machine.texts.length);
      const half = n >> 1;
      sets.push({
        domain,
        set: `${domain} 50/50 mix`,
        records: [
          ...human.texts.slice(0, half).map((text) => ({ text, machine: false })),
          ...machine.texts.slice(half, n).map((text) => ({ text, machine: true })),
        ],
      });
    }
    return sets;
  });
}

/**
 * A simulated spot-check of every test set: `size` records drawn by the real pool, allocation and
 * estimate, tagged from the corpus labels (a reviewer who is always right). The style model only
 * sets the strata, so the shipped model is used: the estimate does not depend on its fit.
 */
export async function spotCheckValidation(
  corpora: Corpus[],
  size = SPOT_CHECK_DEFAULT_SIZE,
): Promise<SpotCheckTable> {
  const rows: SpotCheckRow[] = [];
  for (const t of testSets(corpora)) {
    const folded = await foldLabelled(t.records, t.set);
    const e = simulateSpotCheck(folded, KEY, size);
    rows.push({
      domain: t.domain,
      set: t.set,
      records: t.records.length,
      truth: folded.truth,
      estimate: e.share,
      interval: e.interval,
      error: Math.abs(e.share - folded.truth),
      covered: e.interval[0] <= folded.truth && folded.truth <= e.interval[1],
    });
  }
  return {
    rows,
    mae: rows.reduce((s, r) => s + r.error, 0) / rows.length,
    worst: Math.max(...rows.map((r) => r.error)),
    covered: rows.filter((r) => r.covered).length,
    humanFlagged: rows.filter((r) => r.truth === 0 && r.interval[0] > 0.05).length,
  };
}

const p = (x: number) => `${Math.round(x * 100)} %`;

/** The table as Markdown, as published in docs/analyzer.md. */
export function formatSpotCheckTable(t: SpotCheckTable, size = SPOT_CHECK_DEFAULT_SIZE): string {
  return [
    `A simulated reviewer spot-check of ${size} records per test set (tags from the corpus labels, one draw):`,
    '',
    '| held-out domain | test set | records | truth | spot-check | interval | error |',
    '|---|---|---:|---:|---:|---|---:|',
    ...t.rows.map(
      (r) =>
        `| ${r.domain} | ${r.set} | ${r.records} | ${p(r.truth)} | ${p(r.estimate)} | ${p(r.interval[0])}–${p(r.interval[1])} | ${r.error.toFixed(2)} |`,
    ),
    '',
    `Spot-check: mean absolute error **${t.mae.toFixed(2)}**, worst error **${t.worst.toFixed(2)}**, ` +
      `interval coverage **${t.covered} of ${t.rows.length}**, human-only sets with a lower bound above 5 % ` +
      `**${t.humanFlagged}**.`,
  ].join('\n');
}
