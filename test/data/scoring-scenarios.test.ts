import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analysis, analyzeSource, analyzeSources } from '../../functions/core/analysis';
import { applyReference } from '../../functions/core/analysis/reference';
import { type Answers, aiTrainingDataV1 } from '../../functions/core/questionnaire';
import { defaultPolicy, type ScoredReport, score } from '../../functions/core/scoring';

const DATA = resolve('../shared/data');
const hasData = existsSync(DATA);
if (!hasData)
  console.log(`scoring scenarios skipped: ${DATA} not found (real datasets live there in CI)`);

const NOW = new Date('2025-06-01T00:00:00Z');
const answers = (name: string): Answers =>
  JSON.parse(readFileSync(`test/fixtures/answers/${name}.json`, 'utf8')) as Answers;
const jsonl = (file: string): Record<string, unknown>[] =>
  readFileSync(resolve(DATA, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Wraps texts as a vendor would deliver them: with source, date, licence and synthetic flag. */
function records(texts: string[], synthetic: boolean): Record<string, unknown>[] {
  return texts.map((text, i) => {
    const month = i % 17; // January 2024 to May 2025, the window the fixture claims
    const date = new Date(Date.UTC(2024, month, 15)).toISOString().slice(0, 10);
    return {
      text,
      source: 'commissioned-experts',
      created_at: date,
      license: 'proprietary',
      synthetic,
    };
  });
}

async function* bytes(rows: Record<string, unknown>[]): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(`${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

async function analyze(training: Record<string, unknown>[], holdout: Record<string, unknown>[]) {
  const result = await analyzeSources(
    { source: bytes(training), fileName: 'training.jsonl' },
    { source: bytes(holdout), fileName: 'holdout.jsonl' },
    { now: NOW },
  );
  return { training: result.analysis, holdout: result.holdout?.analysis as Analysis };
}

const run = (name: string, analyses: { training: Analysis; holdout: Analysis }): ScoredReport =>
  score({
    assessmentId: name,
    answers: answers(name),
    template: aiTrainingDataV1,
    analyses,
    policy: defaultPolicy,
    now: NOW,
  });
const ids = (report: ScoredReport) => report.risk.factors.map((f) => f.id);

describe.skipIf(!hasData)(
  'scoring scenarios on real data (self-instruct human and model answers)',
  () => {
    let honest: ScoredReport;
    let understating: ScoredReport;
    let untagged: ScoredReport;
    let evasive: ScoredReport;

    beforeAll(async () => {
      // The same 252 tasks answered by people and by text-davinci-003.
      const human = jsonl('selfinstruct_user_tasks_human.jsonl').map((r) => {
        const instances = r.instances as { output: string }[];
        return String(instances[0]?.output);
      });
      const model = jsonl('selfinstruct_user_tasks_text-davinci-003.jsonl').map((r) =>
        String(r.response),
      );
      const holdout = records(human.slice(180), false);
      const clean = await analyze(records(human.slice(0, 180), false), holdout);
      // Two thirds model-written and tagged so by the vendor's own pipeline, yet claimed as 3 %.
      const mixed = await analyze(
        [...records(human.slice(0, 60), false), ...records(model.slice(60, 180), true)],
        holdout,
      );
      // The same records with the tags stripped: only the style model can tell, calibrated by the
      // buyer's known-human answers of the same kind (the 72 holdout tasks' answers).
      const reference = await analyzeSource(bytes(holdout), { fileName: 'reference.jsonl' });
      const raw = await analyze(
        records([...human.slice(0, 60), ...model.slice(60, 180)], false),
        holdout,
      );
      const calibrated = { ...raw, training: applyReference(raw.training, reference.partial) };
      honest = run('honest-vendor', clean);
      understating = { ...run('honest-vendor', mixed), assessmentId: 'understating' };
      untagged = { ...run('honest-vendor', calibrated), assessmentId: 'untagged' };
      evasive = run('evasive-vendor', clean);
    });

    it('rates the honest vendor whose claims match the sample as low risk, without discrepancies', () => {
      expect(honest.risk.tier).toBe('low');
      expect(honest.discrepancies).toEqual([]);
      expect(honest.maturity.level).toBeGreaterThanOrEqual(3);
    });

    it('contradicts the same vendor when its own tags show far more synthetic data (measured)', () => {
      const share = understating.discrepancies.find(
        (d) => d.questionId === 'synthetic_share_percent',
      );
      expect(share).toMatchObject({ claimed: 3, evidence: 'measured' });
      expect(share?.measured).toBeCloseTo(66.7, 0);
      expect(ids(understating)).toContain('synthetic_share_understated');
    });

    it('leaves untagged model text the calibrated style model cannot confirm unverified, not contradicted', () => {
      // Measured: text-davinci-003 answers read only weakly differently from human answers to such
      // tasks, so 120 of 180 model-written records do not lift the lower bound above 13 %.
      const check = untagged.claimChecks.find((c) => c.questionId === 'synthetic_share_percent');
      expect(check).toMatchObject({ status: 'unverified', evidence: 'calibrated' });
      expect(check?.message).toMatch(/signal is too weak/);
      expect(untagged.discrepancies.map((d) => d.questionId)).not.toContain(
        'synthetic_share_percent',
      );
      expect(ids(untagged)).toContain('synthetic_share_unverified');
    });

    it('scores the understating vendor well above the honest one, with lower maturity', () => {
      // Measured: 7 honest, 22 understating (the contradicted share charges 30 × (66.7 − 3) / 100).
      expect(understating.risk.score).toBeGreaterThanOrEqual(honest.risk.score + 15);
      expect(understating.maturity.level).toBeLessThan(honest.maturity.level);
    });

    it('rates the evasive vendor higher than the honest one, naming what was withheld', () => {
      expect(evasive.risk.score).toBeGreaterThan(honest.risk.score);
      expect(evasive.risk.tier).toBe('critical');
      expect(ids(evasive)).toEqual(
        expect.arrayContaining(['undisclosed_claim', 'unanswered_question', 'real_data_replaced']),
      );
      expect(evasive.risk.factors.find((f) => f.id === 'real_data_replaced')?.source).toBe(
        'missing',
      );
    });
  },
);
