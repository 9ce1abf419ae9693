import { describe, expect, it } from 'vitest';
import type { ScoredReport } from '../../../web/src/api/domain';
import { decideLines } from '../../../web/src/pages/staff/decide-model';

const ctx = {
  labels: new Map([
    ['no_sample', 'No sample analyzed'],
    ['delivery_degradation', 'Degradation since the last delivery'],
    ['synthetic_share', 'Synthetic share'],
    ['stale_holdout', 'Stale holdout'],
  ]),
  questionTitles: new Map([['synthetic_share_percent', 'Synthetic share claimed']]),
};
const factor = (id: string, points: number) => ({
  id,
  points,
  reason: '',
  source: 'answer',
  remediation: '',
  questionIds: [],
});
const report = (over: Partial<ScoredReport> = {}) =>
  ({
    risk: {
      score: 62,
      tier: 'high',
      uncappedPoints: 62,
      factors: [
        factor('no_sample', 5),
        factor('delivery_degradation', 12.4),
        factor('synthetic_share', 30),
        factor('stale_holdout', 0),
        factor('unlabelled', 1),
      ],
    },
    discrepancies: [],
    samples: [],
    ...over,
  }) as unknown as ScoredReport;
const claim = (n: number) => ({
  questionId: n === 0 ? 'synthetic_share_percent' : `q${n}`,
  message: `Claimed ${n} %, measured ${n + 20} %.`,
});

describe('decide panel lines', () => {
  it('names the largest factors with their points, largest first, without zero ones', () => {
    expect(decideLines(report(), ctx)).toEqual([
      { kind: 'factor', text: 'Synthetic share: 30 points' },
      { kind: 'factor', text: 'Degradation since the last delivery: 12 points' },
      { kind: 'factor', text: 'No sample analyzed: 5 points' },
    ]);
  });

  it('keeps contradicted claims in view after the largest factor, counting the rest', () => {
    const lines = decideLines(
      report({ discrepancies: [0, 1, 2, 3].map(claim) as ScoredReport['discrepancies'] }),
      ctx,
    );
    expect(lines).toEqual([
      { kind: 'factor', text: 'Synthetic share: 30 points' },
      {
        kind: 'claim',
        text: 'Contradicted claim “Synthetic share claimed”: Claimed 0 %, measured 20 %.',
      },
      { kind: 'claim', text: 'Contradicted claim “a question”: Claimed 1 %, measured 21 %.' },
      { kind: 'claim', text: '2 more contradicted claims in the full report.' },
    ]);
  });

  it('adds the most severe sample finding when there is room', () => {
    const samples = [
      {
        findings: [
          { id: 'a', severity: 'high', message: 'Many near duplicates.' },
          { id: 'b', severity: 'critical', message: 'The holdout leaks into training.' },
        ],
      },
    ] as unknown as ScoredReport['samples'];
    const lines = decideLines(report({ samples }), ctx, 5);
    expect(lines.at(-1)).toEqual({ kind: 'finding', text: 'The holdout leaks into training.' });
    expect(lines).toHaveLength(4);
  });
});
