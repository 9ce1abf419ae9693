import { describe, expect, it } from 'vitest';
import type { DeliveryComparison } from '../../../functions/core/analysis/compare/types';
import { aiTrainingDataV1 } from '../../../functions/core/questionnaire';
import { decidedVersion, JARGON, labeler, reportCsv } from '../../../functions/core/report';
import { reportPdf } from '../../../functions/core/report/pdf';
import { type ScoredReport, withHash } from '../../../functions/core/scoring';
import { pdfFlatText } from '../../support/pdf-text';
import { loadAnswers, run } from '../scoring/inputs';
import { makeAnalysis } from '../scoring/make-analysis';

const label = labeler(aiTrainingDataV1);
const sha = 'ab'.repeat(32);
const comparison: DeliveryComparison = {
  overlap: { exactRate: 0.1, nearRate: 0.42 },
  changes: [
    {
      metric: 'diversity.distinct1',
      previous: 0.175,
      current: 0.124,
      change: -0.051,
      noise: 0.004,
    },
    { metric: 'diversity.mattr', previous: 0.7, current: 0.6, change: -0.1, noise: 0.01 },
    { metric: 'synthetic.estimatedShare', previous: 0.05, current: 0.3, change: 0.25 },
  ],
  drift: { vocabularyJsd: 0.21, labelJsd: null },
  degraded: true,
  findings: [
    {
      id: 'delivery.diversity_fell',
      severity: 'high',
      message: 'The distinct words (distinct-1) fell; moving-average type-token ratio (MATTR) too.',
      evidence: {},
    },
    { id: 'delivery.recycled', severity: 'high', message: '42 % recycled.', evidence: {} },
  ],
  basis: { previousRecords: 100, currentRecords: 100, diversityTokens: 5000 },
};

function report(): ScoredReport & { version: number } {
  const scored = run(
    { ...loadAnswers('honest-vendor'), synthetic_share_percent: 40, dedup_method: 'exact_only' },
    { training: makeAnalysis({ duplicates: { nearRate: 0.3, exactRate: 0.2 } }) },
  );
  const samples = scored.samples.map((s) => ({
    ...s,
    file: {
      sampleId: 's1',
      fileName: 'data.jsonl',
      uploadedAt: '2026-12-01T10:00:00.000Z',
      records: 1000,
      sha256: sha,
    },
  }));
  return {
    ...withHash({ ...scored, samples, sinceLastDelivery: comparison } as ScoredReport),
    version: 3,
  };
}

const decision = {
  decision: 'reject' as const,
  by: 'gov.reviewer@buyer.test',
  at: '2099-01-01T09:30:00.000Z',
  comments: [
    { questionId: null, comment: 'Too much recycled text from the March delivery.' },
    { questionId: 'dedup_method', comment: 'Near copies are not removed.' },
  ],
};

describe('the report PDF as a decision record', () => {
  it('carries the decision, reviewer, comments and sample files of the version decided on', async () => {
    const r = report();
    const d = decidedVersion([{ version: 3, generatedAt: r.generatedAt }], decision);
    expect(d?.version).toBe(3);
    const text = await pdfFlatText(
      await reportPdf(r, { title: 'Chats (Acme)', label, decision: d }),
    );
    expect(text).toContain('Rejected on 2099-01-01');
    expect(text).toContain('gov.reviewer@buyer.test');
    expect(text).toContain('Too much recycled text from the March delivery.');
    expect(text).toContain('Near copies are not removed.');
    expect(text).toContain('data.jsonl');
    expect(text).toContain(sha.slice(0, 40));
  });

  it('says when the decision was made on another version', async () => {
    const r = report();
    const text = await pdfFlatText(
      await reportPdf(r, { title: 'x', label, decision: { record: decision, version: 2 } }),
    );
    expect(text).toContain('No decision on this version');
    expect(text).toContain('report version 2');
    expect(text).not.toContain('Too much recycled');
  });

  it('speaks buyer words before "How this was measured": labels and units, no method names', async () => {
    const text = await pdfFlatText(await reportPdf(report(), { title: 'x', label }));
    const [main, method] = text.split('How this was measured');
    expect(method).toBeDefined();
    expect(main).not.toMatch(JARGON);
    expect(main).not.toMatch(/exact_only|dedup_method|diversity\.distinct1|0\.175 -> 0\.124/);
    expect(main).toContain('Variety of words: 17.5 % -> 12.4 % (worse)');
    expect(main).toMatch(/Machine-made: about 30 %/);
    expect(main).toContain('Recycled: 42 %');
    expect(main).toContain('What to do:');
    expect(method).toMatch(/MATTR|distinct-2/);
  });

  it('writes the CSV with option labels, units and plain words', () => {
    const csv = reportCsv(report(), label);
    expect(csv).not.toMatch(/exact_only|dedup_method|"exact"\)/);
    expect(csv).not.toMatch(JARGON);
    expect(csv).toContain('Exact duplicates only');
    expect(csv).toMatch(/,1 %,30 %/);
  });
});
