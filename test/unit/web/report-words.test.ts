import { describe, expect, it } from 'vitest';
import type { DeliveryComparison } from '../../../functions/core/analysis/compare/types';
import { JARGON } from '../../../functions/core/report/plain-words';
import type { ReportSample } from '../../../web/src/api/domain';
import { measuredText } from '../../../web/src/pages/report/discrepancy-table';
import { SampleAnalysis } from '../../../web/src/pages/report/sample-analysis';
import { SinceLastDelivery } from '../../../web/src/pages/report/since-last-delivery';
import { versionChange } from '../../../web/src/pages/report/version-changes';
import { makeAnalysis } from '../scoring/make-analysis';
import { vnodeText } from './vnode-text';

const method = new Set(['how-measured']);

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
      message: 'The distinct words (distinct-1) fell beyond the noise; MATTR too.',
      evidence: {},
    },
  ],
  basis: { previousRecords: 100, currentRecords: 100, diversityTokens: 5000 },
};

describe('the report in buyer words', () => {
  it('leads "Since last delivery" with machine-made, recycled, what changed and what to do', () => {
    const all = vnodeText(SinceLastDelivery({ comparison }));
    const main = vnodeText(SinceLastDelivery({ comparison }), method);
    expect(main).toContain('Machine-made: about 30 %');
    expect(main).toContain('Recycled: 42 %');
    expect(main).toContain('What to do:');
    expect(main).toContain('17.5 %');
    expect(main).not.toMatch(JARGON);
    expect(main).not.toContain('0.175');
    // the method is still there, behind the disclosure
    expect(all).toMatch(/Jensen/);
    expect(all).toMatch(/MATTR/);
  });

  it('names a sample by file and SHA-256 and keeps the method behind the disclosure', () => {
    const analysis = makeAnalysis();
    const sample = {
      ...analysis,
      role: 'training',
      file: {
        sampleId: 's',
        fileName: 'data.jsonl',
        uploadedAt: '2026-12-01T00:00:00.000Z',
        records: 1000,
        sha256: 'cd'.repeat(32),
      },
      findings: [
        ...analysis.findings,
        {
          id: 'duplicates.method',
          severity: 'info',
          message: 'Near duplicates: MinHash (128 permutations).',
          evidence: {},
        },
      ],
      synthetic: {
        ...analysis.synthetic,
        method: 'markers; 95% interval is a bootstrap over records',
      },
    } as ReportSample;
    const main = vnodeText(SampleAnalysis({ sample, index: 0 }), method);
    expect(main).toContain('data.jsonl');
    expect(main).toContain('cd'.repeat(32));
    expect(main).not.toContain('Sample 1');
    expect(main).not.toMatch(JARGON);
    expect(vnodeText(SampleAnalysis({ sample, index: 0 }))).toMatch(/MinHash/);
  });

  it('says what changed in each report version', () => {
    const a = { role: 'training' as const, fileName: 'old.jsonl', sha256: 'a' };
    const b = { role: 'training' as const, fileName: 'data.jsonl', sha256: 'b' };
    expect(
      versionChange(
        { version: 2, score: 27, samples: [b] },
        { version: 1, score: 68, samples: [a] },
      ),
    ).toBe('New training sample data.jsonl replaced old.jsonl; score 68 → 27');
    expect(
      versionChange({ version: 2, score: 30, trigger: 'submission' }, { version: 1, score: 30 }),
    ).toBe('The vendor submitted the answers; score unchanged');
  });
});

describe('claims vs evidence', () => {
  it('shows measurements with their unit', () => {
    expect(measuredText({ measured: 30, unit: 'percentage points' })).toBe('30 %');
    expect(measuredText({ measured: 0.25, unit: 'share' })).toBe('25 %');
    expect(measuredText({ measured: 400, unit: 'days' })).toBe('400 days');
  });
});
