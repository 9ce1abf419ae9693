import { describe, expect, it } from 'vitest';
import type { Analysis, ReferenceSummary } from '../../../functions/core/analysis/types';
import { loadAnswers, run } from './inputs';
import { makeAnalysis } from './make-analysis';

const claim0 = { ...loadAnswers('honest-vendor'), synthetic_share_percent: 0 };
const synthetic = (s: Partial<Analysis['synthetic']>) =>
  makeAnalysis({ synthetic: { declaredShare: null, ...s } });
const usable: ReferenceSummary = {
  records: 400,
  markerRecords: 0,
  selfTest: { usable: true, lowerBound: 0, message: 'consistent' },
  screening: { estimatedShare: 0.5, interval: [0, 1] },
};
const shareCheck = (r: ReturnType<typeof run>) =>
  r.claimChecks.find((c) => c.questionId === 'synthetic_share_percent');
const machinePoints = (r: ReturnType<typeof run>) =>
  r.risk.factors
    .filter((f) => f.questionIds.includes('synthetic_share_percent') && f.source !== 'answer')
    .reduce((s, f) => s + f.points, 0);

describe('synthetic-share claims on evidence that holds', () => {
  it('leaves a high screening estimate with a low lower bound unverified: no discrepancy, small points', () => {
    const r = run(claim0, { training: synthetic({ estimatedShare: 0.6, interval: [0.05, 1] }) });
    expect(r.discrepancies).toEqual([]);
    expect(shareCheck(r)).toMatchObject({ status: 'unverified', evidence: 'screening' });
    expect(shareCheck(r)?.message).toMatch(/no reference sample/);
    expect(r.risk.factors.find((f) => f.id === 'synthetic_share_unverified')?.points).toBe(3);
    expect(machinePoints(r)).toBeLessThanOrEqual(5);
  });

  it('says the signal is too weak when a usable reference still cannot confirm the estimate', () => {
    const r = run(claim0, {
      training: synthetic({ estimatedShare: 0.3, interval: [0.04, 0.7], reference: usable }),
    });
    expect(shareCheck(r)).toMatchObject({ status: 'unverified', evidence: 'calibrated' });
    expect(shareCheck(r)?.message).toMatch(/signal is too weak/);
  });

  it('contradicts the claim when the lower bound exceeds claim plus tolerance, naming the evidence', () => {
    const screening = run(claim0, {
      training: synthetic({ estimatedShare: 0.7, interval: [0.2, 1] }),
    });
    const share = (r: ReturnType<typeof run>) =>
      r.discrepancies.find((d) => d.questionId === 'synthetic_share_percent');
    expect(share(screening)).toMatchObject({ evidence: 'screening', measured: 70 });
    const calibrated = run(claim0, {
      training: synthetic({ estimatedShare: 0.7, interval: [0.45, 0.9], reference: usable }),
    });
    expect(share(calibrated)?.evidence).toBe('calibrated');
    expect(shareCheck(calibrated)).toMatchObject({ status: 'contradicted', lowerBound: 45 });
  });

  it('treats a reference that failed its self-test as no calibration', () => {
    const failed = {
      ...usable,
      selfTest: { usable: false, lowerBound: 0.3, message: 'halves differ' },
    };
    const r = run(claim0, {
      training: synthetic({ estimatedShare: 0.4, interval: [0.05, 0.9], reference: failed }),
    });
    expect(shareCheck(r)).toMatchObject({ status: 'unverified', evidence: 'screening' });
    expect(shareCheck(r)?.message).toMatch(/failed its self-test/);
  });

  it('contradicts a 5 % claim when 40 % of records are tagged synthetic, whatever the style model says', () => {
    const answers = { ...claim0, synthetic_share_percent: 5 };
    const r = run(answers, {
      training: synthetic({ declaredShare: 0.4, estimatedShare: 0.02, interval: [0, 0.3] }),
    });
    expect(r.discrepancies.find((d) => d.questionId === 'synthetic_share_percent')).toMatchObject({
      evidence: 'measured',
      measured: 40,
    });
    expect(shareCheck(r)).toMatchObject({ status: 'contradicted', evidence: 'measured' });
  });

  it('reports a consistent claim as consistent, with no machine-text points', () => {
    const r = run(claim0, { training: synthetic({ estimatedShare: 0.05, interval: [0, 0.5] }) });
    expect(shareCheck(r)).toMatchObject({ status: 'consistent', evidence: 'screening' });
    expect(shareCheck(r)?.message).toMatch(/not proof of human origin/);
    expect(machinePoints(r)).toBe(0);
  });

  it('marks every other discrepancy as measured', () => {
    const r = run(loadAnswers('honest-vendor'), {
      training: makeAnalysis({ duplicates: { exactRate: 0.08, nearRate: 0.1 } }),
    });
    expect(r.discrepancies.length).toBeGreaterThan(0);
    for (const d of r.discrepancies) expect(d.evidence).toBe('measured');
  });
});
