import { type AnalysisPartial, finalize, foldSource } from '../../functions/core/analysis';
import {
  drawSpotCheck,
  estimateSpotCheck,
  type SpotEstimate,
  type SpotStratum,
} from '../../functions/core/analysis/spot-check';
import {
  createPool,
  offerToPool,
  spotPriority,
} from '../../functions/core/analysis/spot-check/pool';

/** A labelled record of a simulated sample. */
export interface LabelledText {
  text: string;
  machine: boolean;
}

/** A sample folded once for simulated spot-checks: its strata and each record's stratum. */
export interface FoldedSample {
  records: LabelledText[];
  partial: AnalysisPartial;
  recordStrata: (number | null)[];
  strata: SpotStratum[];
  /** The machine share of the records with text (what a spot-check estimates). */
  truth: number;
}

/** Folds labelled texts once (JSON Lines, field `text`), recording every record's stratum. */
export async function foldLabelled(
  records: LabelledText[],
  name = 'sample',
): Promise<FoldedSample> {
  const body = new TextEncoder().encode(
    records.map((r) => `${JSON.stringify({ text: r.text })}\n`).join(''),
  );
  const recordStrata: (number | null)[] = [];
  const partial = await foldSource(
    (async function* () {
      yield body;
    })(),
    {
      fileName: `${name}.jsonl`,
      fields: { text: 'text' },
      onStratum: (record, stratum) => {
        recordStrata[record] = stratum;
      },
    },
  );
  const strata = finalize(partial).spotCheck?.strata ?? [];
  const withText = records.filter((_, i) => recordStrata[i] !== null);
  const truth = withText.filter((r) => r.machine).length / Math.max(1, withText.length);
  return { records, partial, recordStrata, strata, truth };
}

/**
 * One simulated spot-check of `size` records under `key`: the pool the fold would keep (records
 * are hashed by index here, which draws like the content hash when texts are distinct), the real
 * draw and the real estimate, with tags taken from the labels.
 */
export function simulateSpotCheck(s: FoldedSample, key: string, size: number): SpotEstimate {
  const pool = createPool(key);
  s.recordStrata.forEach((stratum, index) => {
    if (stratum === null) return;
    offerToPool(pool, stratum, { index, priority: spotPriority(key, index, 0x5107) }, () => '');
  });
  const drawn = drawSpotCheck({ ...s.partial, spotPool: pool }, size);
  const tags = drawn.map((r) => ({
    stratum: r.stratum,
    tag: s.records[r.index]?.machine ? ('machine' as const) : ('human' as const),
  }));
  return estimateSpotCheck(s.strata, tags);
}

/** Coverage, mean width and mean absolute error of `draws` simulated spot-checks. */
export function spotCheckCoverage(s: FoldedSample, draws: number, size: number) {
  let covered = 0;
  let width = 0;
  let error = 0;
  for (let d = 0; d < draws; d++) {
    const e = simulateSpotCheck(s, `draw ${d}`, size);
    if (e.interval[0] <= s.truth && s.truth <= e.interval[1]) covered++;
    width += e.interval[1] - e.interval[0];
    error += Math.abs(e.share - s.truth);
  }
  return { coverage: covered / draws, width: width / draws, error: error / draws };
}

/** Human texts plus machine texts at `share` of the file, machine records spread evenly. */
export function mixTexts(human: string[], machine: string[], share: number): LabelledText[] {
  const rows: LabelledText[] = human.map((text) => ({ text, machine: false }));
  const m = share >= 1 ? machine.length : Math.round((human.length * share) / (1 - share));
  if (share >= 1) return machine.map((text) => ({ text, machine: true }));
  for (let i = 0; i < m; i++) {
    const text = machine[Math.floor((i * machine.length) / m)] as string;
    rows.splice(Math.floor((i * rows.length) / m), 0, { text, machine: true });
  }
  return rows;
}
