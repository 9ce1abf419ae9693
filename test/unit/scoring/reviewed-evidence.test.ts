import { describe, expect, it } from 'vitest';
import type { Analysis, ReferenceSummary } from '../../../functions/core/analysis/types';
import type { ReviewedShare } from '../../../functions/core/scoring';
import { loadAnswers, run } from './inputs';
import { makeAnalysis } from './make-analysis';

const claim0 = { ...loadAnswers('honest-vendor'), synthetic_share_percent: 0 };
const usable: ReferenceSummary = {
  records: 400,
  markerRecords: 0,
  selfTest: { usable: true, lowerBound: 0, message: 'consistent' },
  screening: { estimatedShare: 0.5, interval: [0, 1] },
};
const review = (share: number, interval: [number, number]): ReviewedShare => ({
  spotCheckId: '01jbz4a7k2m9p3q8r5s1t6v0wx',
  finishedAt: '2025-05-30T00:00:00.000Z',
  share,
  interval,
  reviewed: 100,
  unsure: 0,
  method: 'stratified Wilson',
});
const sample = (s: Partial<Analysis['synthetic']> & { review?: ReviewedShare }) =>
  makeAnalysis({ synthetic: { declaredShare: null, ...s } as Partial<Analysis['synthetic']> });
const shareCheck = (r: ReturnType<typeof run>) =>
  r.claimChecks.find((c) => c.questionId === 'synthetic_share_percent');
const understated = (r: ReturnType<typeof run>) =>
  r.risk.factors.find((f) => f.id === 'synthetic_share_understated');

describe('points for an understated synthetic share follow the lower bound', () => {
  it('charges the same points for the same lower bound, whatever the point estimate', () => {
    const at = (estimatedShare: number, low: number) =>
      run(claim0, {
        training: sample({ estimatedShare, interval: [low, 0.95], reference: usable }),
      });
    const a = understated(at(0.7, 0.45));
    const b = understated(at(0.9, 0.45));
    expect(a?.points).toBeGreaterThan(0);
    expect(b?.points).toBe(a?.points);
    expect(understated(at(0.7, 0.6))?.points).toBeGreaterThan(a?.points ?? 0);
    expect(a?.reason).toMatch(/Points follow the 45 % lower bound, set by calibrated evidence/);
  });
});

describe('a finished spot-check as reviewed evidence', () => {
  it('sets the reading: its lower bound gates and the check says reviewed, the model shown beside', () => {
    const r = run(claim0, {
      training: sample({
        estimatedShare: 0.3,
        interval: [0.1, 0.5],
        reference: usable,
        review: review(0.9, [0.8, 0.96]),
      }),
    });
    expect(shareCheck(r)).toMatchObject({
      status: 'contradicted',
      evidence: 'reviewed',
      lowerBound: 80,
    });
    const d = r.discrepancies.find((x) => x.questionId === 'synthetic_share_percent');
    expect(d).toMatchObject({ evidence: 'reviewed', measured: 90 });
    expect(d?.message).toMatch(/reviewer spot-check is about 90 %/);
    expect(d?.message).toMatch(/calibrated style model reads about 30 %/);
    expect(d?.message).toMatch(/do not overlap; the review decides/);
  });

  it('clears a claim the reviewers confirm even when the screening model reads high', () => {
    const r = run(claim0, {
      training: sample({ estimatedShare: 0.7, interval: [0.3, 0.9], review: review(0, [0, 0.03]) }),
    });
    expect(r.discrepancies).toEqual([]);
    expect(shareCheck(r)).toMatchObject({ status: 'consistent', evidence: 'reviewed' });
  });

  it('says nothing of disagreement when the intervals overlap', () => {
    const r = run(claim0, {
      training: sample({
        estimatedShare: 0.6,
        interval: [0.4, 0.8],
        reference: usable,
        review: review(0.65, [0.5, 0.78]),
      }),
    });
    expect(shareCheck(r)?.evidence).toBe('reviewed');
    expect(shareCheck(r)?.message).not.toMatch(/do not overlap/);
  });
});
