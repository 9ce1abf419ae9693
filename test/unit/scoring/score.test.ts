import { describe, expect, it } from 'vitest';
import { defaultPolicy, policySchema, tierOf } from '../../../functions/core/scoring';
import { factorIds, loadAnswers, run } from './inputs';
import { makeAnalysis } from './make-analysis';

const honest = loadAnswers('honest-vendor');
const evasive = loadAnswers('evasive-vendor');
const clean = { training: makeAnalysis(), holdout: makeAnalysis() };
const synthetic70 = makeAnalysis({
  synthetic: { declaredShare: null, markerRate: 0.3, estimatedShare: 0.7, interval: [0.6, 0.8] },
});
const factor = (report: ReturnType<typeof run>, id: string) =>
  report.risk.factors.find((f) => f.id === id);

describe('score: explanations', () => {
  it('names a reason, a source and a remediation for every point of risk', () => {
    for (const report of [
      run(honest, clean),
      run(honest, { training: synthetic70 }),
      run(evasive),
    ]) {
      expect(report.risk.factors.length).toBeGreaterThan(0);
      for (const f of report.risk.factors) {
        expect(f.points, f.id).toBeGreaterThan(0);
        expect(f.reason.length, f.id).toBeGreaterThan(10);
        expect(f.remediation.length, f.id).toBeGreaterThan(10);
        expect(['answer', 'sample', 'discrepancy', 'missing']).toContain(f.source);
      }
    }
  });

  it('scores an honest, documented vendor with a clean sample as low risk', () => {
    const report = run(honest, clean);
    expect(report.risk.tier).toBe('low');
    expect(report.discrepancies).toEqual([]);
  });

  it('charges risk when no sample was uploaded', () => {
    const without = run(honest);
    expect(factor(without, 'no_sample')?.source).toBe('missing');
    expect(without.risk.score).toBeGreaterThan(run(honest, clean).risk.score);
  });

  it('records assessment, template, policy version and time, and leaves sha256 for the store', () => {
    const report = run(honest, clean, policySchema.parse({ version: 7 }));
    expect(report).toMatchObject({
      assessmentId: 'asm-1',
      generatedAt: '2025-06-01T00:00:00.000Z',
      sha256: '',
      templateId: 'ai-training-data',
      templateVersion: 1,
      policyVersion: 7,
    });
    expect(report.samples.map((s) => s.role)).toEqual(['training', 'holdout']);
  });
});

describe('score: discrepancies', () => {
  it('lists a synthetic-share discrepancy with claim, measurement and tolerance', () => {
    const report = run(honest, { training: synthetic70 });
    expect(report.discrepancies).toContainEqual(
      expect.objectContaining({
        questionId: 'synthetic_share_percent',
        claimed: 3,
        measured: 70,
        tolerance: 10,
        unit: 'percentage points',
      }),
    );
    expect(factor(report, 'synthetic_share_understated')?.source).toBe('discrepancy');
    expect(factor(report, 'tagging_contradicted')?.reason).toContain('no synthetic flag field');
    expect(report.risk.score).toBeGreaterThan(run(honest, clean).risk.score);
  });

  it('charges a small excess within tolerance as a sample signal, not a discrepancy', () => {
    const report = run(honest, {
      training: makeAnalysis({ synthetic: { estimatedShare: 0.1, interval: [0.05, 0.15] } }),
    });
    expect(report.discrepancies).toEqual([]);
    // the lower bound (5 %) above the 3 % claim, at the synthetic-share weight: 30 × 2 / 100
    expect(factor(report, 'machine_text_signals')?.points).toBe(0.6);
  });

  it.each([
    [
      'dedup_method',
      makeAnalysis({ duplicates: { exactRate: 0.08, nearRate: 0.1 } }),
      'dedup_contradicted',
    ],
    [
      'near_duplicate_rate_percent',
      makeAnalysis({ duplicates: { exactRate: 0, nearRate: 0.15 } }),
      'near_duplicates_understated',
    ],
    [
      'collection_newest_date',
      makeAnalysis({ freshness: { newest: '2021-01-01' } }),
      'freshness_contradicted',
    ],
    [
      'collection_oldest_date',
      makeAnalysis({ freshness: { oldest: '2019-01-01' } }),
      'freshness_contradicted',
    ],
    [
      'provenance_fields',
      makeAnalysis({ provenance: { perField: { source: 0.4 } } }),
      'provenance_contradicted',
    ],
    [
      'personal_data',
      makeAnalysis({ pii: { recordShare: 0.2, kinds: { email: 200 } } }),
      'personal_data_contradicted',
    ],
  ] as const)('flags a %s claim the sample contradicts', (questionId, training, factorId) => {
    const report = run(honest, { training, holdout: makeAnalysis() });
    expect(report.discrepancies.map((d) => d.questionId)).toContain(questionId);
    expect(factorIds(report)).toContain(factorId);
  });

  it('flags a synthetic-free holdout claim the holdout sample contradicts', () => {
    const report = run(honest, { training: makeAnalysis(), holdout: synthetic70 });
    expect(report.discrepancies.map((d) => d.questionId)).toContain('holdout_synthetic_free');
    expect(factor(report, 'holdout_synthetic_contradicted')?.points).toBe(15);
  });
});

describe('score: answers', () => {
  it('charges replacement of real data even when no synthetic data is claimed', () => {
    const report = run(
      { ...honest, synthetic_share_percent: 0, real_data_policy: 'replace' },
      clean,
    );
    // Half the weight as a floor; the clean sample's lower bound (0 %) adds nothing.
    expect(factor(report, 'real_data_replaced')?.points).toBe(17.5);
  });

  it('charges an undisclosed claim as its worst answer plus an evasiveness charge', () => {
    const report = run({ ...honest, real_data_policy: 'unknown' }, clean);
    expect(factor(report, 'real_data_replaced')).toMatchObject({ source: 'missing' });
    expect(factor(report, 'real_data_replaced')?.reason).toContain('real_data_policy = "replace"');
    expect(factor(report, 'undisclosed_claim')?.questionIds).toEqual(['real_data_policy']);
  });

  it('weighs an undisclosed answer more when the sample shows the trouble it hides', () => {
    const hidden = { ...honest, synthetic_share_percent: 'unknown' };
    const cleanSample = run(hidden, clean);
    const troubled = run(hidden, { ...clean, training: synthetic70 });
    // severity is the share the evidence holds up to: 0 % clean, at least 60 % troubled (× 15)
    expect(factor(cleanSample, 'evasion_contradicted')).toBeUndefined();
    expect(factor(troubled, 'evasion_contradicted')?.points).toBe(9);
    expect(troubled.risk.score).toBeGreaterThan(cleanSample.risk.score);
  });

  it('does not charge holdout details when no holdout set is kept', () => {
    const answers = {
      ...honest,
      holdout_exists: 'no',
      holdout_refresh_months: 'unknown',
      holdout_synthetic_free: 'unknown',
    };
    const report = run(answers, { training: makeAnalysis() });
    expect(factor(report, 'no_holdout')?.points).toBe(15);
    expect(factorIds(report)).not.toContain('undisclosed_claim');
  });

  it('treats an invalid answer as unanswered', () => {
    const report = run({ ...honest, synthetic_share_percent: 150 }, clean);
    expect(factor(report, 'undisclosed_claim')?.questionIds).toEqual(['synthetic_share_percent']);
  });
});

describe('score: samples and totals', () => {
  it('charges what the sample shows on its own', () => {
    const training = makeAnalysis({
      diversity: { compressionRatio: 9 },
      labels: {
        classes: { a: 900, b: 9 },
        normalizedEntropy: 0.1,
        imbalanceRatio: 100,
        rareClasses: ['b'],
        conflictRate: 0.1,
        lowAgreementShare: null,
        missingInTraining: [],
      },
      contamination: { holdoutRecords: 100, overlapRate: 0.5, exactRate: 0.5, meanCoverage: 0.5 },
      freshness: { oldest: '2010-01-01', newest: '2015-01-01' },
    });
    const answers = {
      ...honest,
      collection_oldest_date: '2010-01-01',
      collection_newest_date: '2015-01-01',
    };
    const report = run(answers, { training, holdout: makeAnalysis() });
    for (const id of [
      'low_diversity',
      'label_imbalance',
      'rare_classes_missing',
      'label_conflicts',
      'holdout_contamination',
      'stale_data',
    ]) {
      expect(factorIds(report), id).toContain(id);
    }
  });

  it('caps the score at 100 and keeps the uncapped sum', () => {
    const report = run(evasive);
    expect(report.risk.score).toBe(100);
    expect(report.risk.uncappedPoints).toBeGreaterThan(100);
    expect(report.risk.tier).toBe('critical');
  });

  it('assigns tiers by the policy cut-offs', () => {
    expect(tierOf(24, defaultPolicy)).toBe('low');
    expect(tierOf(25, defaultPolicy)).toBe('moderate');
    expect(tierOf(50, defaultPolicy)).toBe('high');
    expect(tierOf(75, defaultPolicy)).toBe('critical');
    const strict = policySchema.parse({ tiers: { moderate: 0.5, high: 60, critical: 90 } });
    expect(run(honest, clean, strict).risk.tier).toBe('moderate');
  });

  it('sorts factors by points, largest first', () => {
    const points = run(evasive).risk.factors.map((f) => f.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });
});
