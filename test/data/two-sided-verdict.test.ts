import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analysis, analyzeSource } from '../../functions/core/analysis';
import { calibrateTwoSided } from '../../functions/core/analysis/reference';
import { type Answers, aiTrainingDataV1 } from '../../functions/core/questionnaire';
import { defaultPolicy, type ScoredReport, score } from '../../functions/core/scoring';
import { type Corpus, DATA_DIR, hasData, loadCorpora } from '../../scripts/style-model/corpora';

const present = hasData();
if (!present) console.warn(`Two-sided verdict tests SKIPPED: ${DATA_DIR} does not exist.`);

const NOW = new Date('2025-06-01T00:00:00Z');
/** Rows 0–39 of each corpus are the buyer's references; the vendor's file is rows 40 and on. */
const REFERENCE_ROWS = 40;

async function analyzeTexts(texts: string[]): Promise<Analysis> {
  const body = new TextEncoder().encode(
    texts.map((text) => `${JSON.stringify({ text })}\n`).join(''),
  );
  const { analysis } = await analyzeSource(
    (async function* () {
      yield body;
    })(),
    { fileName: 'sample.jsonl', now: NOW },
  );
  return analysis;
}

/** The honest vendor's answers, with the synthetic share claimed as `claimed` %. */
function answers(claimed: number): Answers {
  const base = JSON.parse(
    readFileSync('test/fixtures/answers/honest-vendor.json', 'utf8'),
  ) as Answers;
  return { ...base, synthetic_share_percent: claimed, synthetic_records_tagged: 'none' };
}

const verdict = (training: Analysis, claimed: number): ScoredReport =>
  score({
    assessmentId: 'two-sided',
    answers: answers(claimed),
    template: aiTrainingDataV1,
    analyses: { training },
    policy: defaultPolicy,
    now: NOW,
  });

describe.skipIf(!present)('verdicts on a two-sided reference (../shared/data, M4 domains)', () => {
  const runs: { domain: string; honest: ScoredReport; dishonest: ScoredReport }[] = [];
  beforeAll(async () => {
    const corpora = loadCorpora();
    const of = (domain: string, machine: boolean) =>
      corpora.find((c) => c.domain === domain && c.machine === machine) as Corpus;
    for (const domain of ['m4 arxiv', 'm4 reddit', 'm4 wikihow', 'm4 wikipedia']) {
      const human = of(domain, false).texts;
      const machine = of(domain, true).texts;
      const humanRef = await analyzeTexts(human.slice(0, REFERENCE_ROWS));
      const machineRef = await analyzeTexts(machine.slice(0, REFERENCE_ROWS));
      const calibrate = async (texts: string[]): Promise<Analysis> => {
        const a = await analyzeTexts(texts);
        const synthetic = calibrateTwoSided(a, humanRef, [
          { evidence: machineRef, generator: 'llama-2', name: `${domain} machine` },
        ]);
        return { ...a, synthetic };
      };
      runs.push({
        domain,
        honest: verdict(await calibrate(human.slice(REFERENCE_ROWS)), 0),
        dishonest: verdict(await calibrate(machine.slice(REFERENCE_ROWS)), 0),
      });
    }
  }, 300_000);

  it('contradicts a 0 % claim on all-machine text, with points from a lower bound of 50 % or more', () => {
    for (const { domain, dishonest } of runs) {
      const check = dishonest.claimChecks.find((c) => c.questionId === 'synthetic_share_percent');
      expect(check, domain).toMatchObject({ status: 'contradicted', evidence: 'calibrated' });
      expect(check?.lowerBound, domain).toBeGreaterThanOrEqual(50);
      const factor = dishonest.risk.factors.find((f) => f.id === 'synthetic_share_understated');
      // the points follow the lower bound: weight × (lower bound − claim) / 100
      const expected = (defaultPolicy.weights.synthetic_share * (check?.lowerBound ?? 0)) / 100;
      expect(factor?.points, domain).toBeCloseTo(expected, 0);
    }
  });

  it('never contradicts the honest vendor whose human text is claimed as 0 %', () => {
    for (const { domain, honest } of runs) {
      expect(
        honest.discrepancies.map((d) => d.questionId),
        domain,
      ).not.toContain('synthetic_share_percent');
    }
  });
});
