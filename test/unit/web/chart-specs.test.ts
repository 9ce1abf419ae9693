import { describe, expect, it } from 'vitest';
import {
  clusterSpec,
  dateSpec,
  factorSpec,
  labelSpec,
} from '../../../web/src/pages/report/chart-specs';

describe('chart specs', () => {
  it('marks rare label classes in the label text, not only by colour', () => {
    const spec = labelSpec({
      classes: { positive: 90, negative: 8, neutral: 2 },
      normalizedEntropy: 0.3,
      imbalanceRatio: 45,
      rareClasses: ['neutral'],
      conflictRate: 0,
      lowAgreementShare: null,
      missingInTraining: [],
    });
    expect(spec.labels).toEqual(['positive', 'negative', 'neutral (rare)']);
    expect(spec.series[0]?.values).toEqual([90, 8, 2]);
  });

  it('buckets duplicate clusters by size', () => {
    const spec = clusterSpec([
      { size: 2, examples: [] },
      { size: 2, examples: [] },
      { size: 7, examples: [] },
      { size: 120, examples: [] },
    ]);
    expect(spec.labels).toEqual(['2 records', '6–10 records', '> 50 records']);
    expect(spec.series[0]?.values).toEqual([2, 1, 1]);
  });

  it('sorts factors by points and names the source in each bar label', () => {
    const spec = factorSpec([
      {
        id: 'small_thing',
        points: 2,
        reason: 'r',
        source: 'missing',
        remediation: 'x',
        questionIds: [],
      },
      {
        id: 'near_dups',
        points: 9,
        reason: 'r',
        source: 'sample',
        remediation: 'x',
        questionIds: [],
      },
    ]);
    expect(spec.labels).toEqual(['Near dups (sample)', 'Small thing (missing)']);
  });

  it('puts months in calendar order', () => {
    expect(
      dateSpec([
        { month: '2024-02', count: 1 },
        { month: '2023-12', count: 3 },
      ]).labels,
    ).toEqual(['2023-12', '2024-02']);
  });
});
