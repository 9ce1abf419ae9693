import { beforeAll, describe, expect, it } from 'vitest';
import { type Analysis, analyzeSource } from '../../functions/core/analysis';
import {
  calibrateTwoSided,
  MIN_MACHINE_REFERENCE_RECORDS,
  maximumLikelihoodShare,
  mixtureEstimate,
  TWO_SIDED_FIT,
} from '../../functions/core/analysis/reference';
import { pooled } from '../../functions/core/analysis/reference/mixture';
import { type Corpus, DATA_DIR, hasData, loadCorpora } from '../../scripts/style-model/corpora';
import { type Featurized, featurize, histogramOf } from '../../scripts/style-model/fit';
import { foldModels } from '../../scripts/style-model/lodo';
import { type TwoSidedTable, twoSidedValidation } from '../../scripts/style-model/two-sided';

const present = hasData();
if (!present) console.warn(`Two-sided estimate tests SKIPPED: ${DATA_DIR} does not exist.`);

async function* bytes(texts: string[]): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(texts.map((text) => `${JSON.stringify({ text })}\n`).join(''));
}
const analyzeTexts = async (texts: string[]): Promise<Analysis> =>
  (await analyzeSource(bytes(texts), { fileName: 'sample.jsonl' })).analysis;

describe.skipIf(!present)('the two-sided estimate on ../shared/data', () => {
  let corpora: Corpus[];
  let featurized: Featurized[];
  let modelFor: ReturnType<typeof foldModels>;
  let table: TwoSidedTable;
  beforeAll(() => {
    corpora = loadCorpora();
    featurized = featurize(corpora);
    modelFor = foldModels(featurized);
    // about 25 model fits (one per held-out domain and per cross-generator pair of domains)
    table = twoSidedValidation(featurized, modelFor, TWO_SIDED_FIT);
  }, 600_000);

  it('errs by at most 0.10 on average and 0.25 at worst leave-one-domain-out, refusing at most one domain', () => {
    // Measured: 0.06 and 0.18 over five domains; GSM8K's references are refused (separation 0.10).
    expect(table.domains).toBeGreaterThanOrEqual(5);
    expect(table.refused.length).toBeLessThanOrEqual(1);
    expect(table.mae).toBeLessThanOrEqual(0.1);
    expect(table.worst).toBeLessThanOrEqual(0.25);
  });

  it('keeps the lower bound of every human test set at or below 5 %', () => {
    const human = table.rows.filter((r) => r.truth === 0 && r.usable);
    expect(human.length).toBeGreaterThanOrEqual(5);
    for (const r of human) expect(r.interval[0], r.set).toBeLessThanOrEqual(0.05);
  });

  it('gives 100 % machine test sets a lower bound of 50 % or more in two thirds of the machine corpora', () => {
    const machine = table.rows.filter((r) => r.truth === 1);
    expect(machine).toHaveLength(6);
    const reached = machine.filter((r) => r.usable && r.interval[0] >= 0.5);
    expect(reached.length, JSON.stringify(machine)).toBeGreaterThanOrEqual(
      (2 / 3) * machine.length,
    );
  });

  it('reads a 100 % machine file at 40 % or more in most cross-generator pairs, and no human file above 5 %', () => {
    // Measured 13 of 23 pairs (13 of 17 leaving out GSM8K's model text, which reads as human even
    // against its own domain's machine reference); human files' lower bound at most 1 %. Without the
    // orientation check and the departure floor it was 8 of 23.
    expect(table.cross.length).toBeGreaterThanOrEqual(20);
    expect(table.crossReached, JSON.stringify(table.cross)).toBeGreaterThan(table.cross.length / 2);
    expect(table.crossVisibleReached).toBeGreaterThanOrEqual((2 / 3) * table.crossVisible);
    expect(table.crossHumanLowerMax).toBeLessThanOrEqual(0.05);
  });

  it('refuses machine references that read as more human than the human reference', () => {
    const refused = table.cross.filter((r) => r.orientation < 0.5);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.mode, `${r.sample} / ${r.reference}`).toBe('human only');
  });

  it('widens the interval for references of tens of records, so human files stay at or below 5 %', () => {
    for (const s of table.rows.filter((r) => r.truth === 0 && r.usable)) {
      const model = modelFor(s.domain);
      const human = featurized.find((c) => c.domain === s.domain && !c.machine) as Featurized;
      const machine = featurized.find((c) => c.domain === s.domain && c.machine) as Featurized;
      for (const size of [15, 25]) {
        const e = mixtureEstimate(
          histogramOf(human.x.slice(40), model),
          histogramOf(human.x.slice(0, size), model),
          [histogramOf(machine.x.slice(0, size), model)],
          TWO_SIDED_FIT,
        );
        expect(e.interval[0], `${s.domain}, references of ${size}`).toBeLessThanOrEqual(0.05);
      }
    }
  });

  it('refuses small references in the product with a message, and accepts a 25-record machine reference', async () => {
    const m4 = (d: string, machine: boolean) =>
      corpora.find((c) => c.domain === d && c.machine === machine) as Corpus;
    for (const d of ['m4 arxiv', 'm4 reddit', 'm4 wikihow', 'm4 wikipedia']) {
      const human = m4(d, false).texts;
      const machine = m4(d, true).texts;
      const sample = await analyzeTexts(human.slice(50));
      const humanRef = await analyzeTexts(human.slice(0, 50));
      const out = calibrateTwoSided(sample, humanRef, [
        {
          evidence: await analyzeTexts(machine.slice(0, 15)),
          generator: 'llama-2',
          name: 'few.jsonl',
        },
        {
          evidence: await analyzeTexts(machine.slice(15, 40)),
          generator: 'llama-2',
          name: 'ok.jsonl',
        },
      ]);
      const [few, ok] = out.reference.machine?.references ?? [];
      expect(few?.usable, d).toBe(false);
      expect(few?.message).toMatch(new RegExp(`at least ${MIN_MACHINE_REFERENCE_RECORDS}`));
      expect(ok?.records, d).toBeGreaterThanOrEqual(MIN_MACHINE_REFERENCE_RECORDS);
      expect(ok?.usable, d).toBe(true);
      expect(out.reference.mode, d).toBe('two-sided');
      expect(out.interval[0], d).toBeLessThanOrEqual(0.05);
      const small = calibrateTwoSided(sample, await analyzeTexts(human.slice(0, 25)), [
        { evidence: await analyzeTexts(machine.slice(0, 40)), generator: 'llama-2' },
      ]);
      expect(small.reference.mode, d).toBe('human');
      expect(small.reference.machine?.message).toMatch(/human reference is not usable/);
    }
  });
  it('fits several machine references as a mix, which reads machine files no lower than pooling them', () => {
    // Measured: 100 % machine sets read 0.63 / 1.00 / 0.78 / 1.00 as a mix against 0.35 / 1.00 / 0.70 / 1.00 pooled.
    const alpaca = featurized.find((c) => c.domain === 'alpaca') as Featurized;
    const llama = featurized.find((c) => c.domain === 'm4 wikipedia' && c.machine) as Featurized;
    for (const d of ['self-instruct', 'm4 arxiv', 'm4 reddit', 'm4 wikihow']) {
      const other = d === 'self-instruct' ? llama : alpaca;
      const model = modelFor(d, other.domain);
      const hist = (x: Float64Array[]) => histogramOf(x, model);
      const human = featurized.find((c) => c.domain === d && !c.machine) as Featurized;
      const machine = featurized.find((c) => c.domain === d && c.machine) as Featurized;
      const size = d === 'self-instruct' ? 101 : 40;
      const refs = [hist(machine.x.slice(0, size)), hist(other.x.slice(0, 200))];
      const humanRef = hist(human.x.slice(0, size));
      const humanFile = mixtureEstimate(hist(human.x.slice(size)), humanRef, refs, TWO_SIDED_FIT);
      expect(humanFile.interval[0], d).toBeLessThanOrEqual(0.05);
      const sample = hist(machine.x.slice(size));
      const mix = mixtureEstimate(sample, humanRef, refs, TWO_SIDED_FIT);
      const pool = maximumLikelihoodShare(sample, humanRef, [pooled(refs).map((x) => x * 200)]);
      expect(mix.share, d).toBeGreaterThanOrEqual(pool - 0.01);
      expect(mix.share, d).toBeGreaterThanOrEqual(0.5);
    }
  });
});
