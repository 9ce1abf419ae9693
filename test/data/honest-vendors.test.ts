import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSource } from '../../functions/core/analysis';
import { type Answers, aiTrainingDataV1 } from '../../functions/core/questionnaire';
import { defaultPolicy, type ScoredReport, score } from '../../functions/core/scoring';
import { type Corpus, DATA_DIR, hasData, loadCorpora } from '../../scripts/style-model/corpora';

const present = hasData();
if (!present) console.warn(`Honest-vendor scenarios SKIPPED: ${DATA_DIR} does not exist.`);

const NOW = new Date('2025-06-01T00:00:00Z');
const honest = JSON.parse(
  readFileSync('test/fixtures/answers/honest-vendor.json', 'utf8'),
) as Answers;
const MACHINE_TEXT = ['synthetic_share_percent', 'synthetic_records_tagged'];

/** A vendor's delivery: each text with provenance, tagged synthetic where `tagged(i)`. */
async function* delivery(texts: string[], tagged: (i: number) => boolean) {
  const rows = texts.map((text, i) => ({
    text,
    source: 'vendor-archive',
    created_at: '2025-01-15',
    license: 'proprietary',
    synthetic: tagged(i),
    ...(tagged(i) ? { creation_method: 'llm' } : {}),
  }));
  yield new TextEncoder().encode(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

async function scoreDelivery(c: Corpus, claim: number, tagged: (i: number) => boolean) {
  const { analysis } = await analyzeSource(delivery(c.texts, tagged), { fileName: 'x.jsonl' });
  return score({
    assessmentId: c.name,
    answers: { ...honest, synthetic_share_percent: claim },
    template: aiTrainingDataV1,
    analyses: { training: analysis },
    policy: defaultPolicy,
    now: NOW,
  });
}

const machinePoints = (r: ScoredReport) =>
  r.risk.factors
    .filter((f) => f.source !== 'answer' && f.questionIds.some((q) => MACHINE_TEXT.includes(q)))
    .reduce((s, f) => s + f.points, 0);
const shareDiscrepancy = (r: ScoredReport) =>
  r.discrepancies.find((d) => d.questionId === 'synthetic_share_percent');

describe.skipIf(!present)('honest vendors with human data from every shared corpus', () => {
  let human: Corpus[];
  beforeAll(() => {
    human = loadCorpora().filter((c) => !c.machine);
  });

  it('claiming 0 % synthetic gets no synthetic discrepancy and at most 5 machine-text points', async () => {
    expect(human.length).toBe(9);
    for (const c of human) {
      const r = await scoreDelivery(c, 0, () => false);
      expect(shareDiscrepancy(r), c.name).toBeUndefined();
      expect(
        r.discrepancies.map((d) => d.questionId),
        c.name,
      ).not.toContain('synthetic_records_tagged');
      expect(machinePoints(r), c.name).toBeLessThanOrEqual(5);
      const check = r.claimChecks.find((x) => x.questionId === 'synthetic_share_percent');
      expect(check?.status, c.name).not.toBe('contradicted');
    }
  });

  it('claiming 5 % while 40 % of records are tagged synthetic is contradicted on measured evidence', async () => {
    for (const c of human) {
      const r = await scoreDelivery(c, 5, (i) => i % 5 < 2);
      expect(shareDiscrepancy(r), c.name).toMatchObject({ evidence: 'measured' });
      expect(shareDiscrepancy(r)?.measured, c.name).toBeGreaterThanOrEqual(39);
      expect(r.risk.factors.map((f) => f.id)).toContain('synthetic_share_understated');
    }
  });
});
