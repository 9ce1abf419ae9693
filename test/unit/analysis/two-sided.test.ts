import { describe, expect, it } from 'vitest';
import {
  calibrateTwoSided,
  checkMachineReference,
  leastSquaresShare,
  MIN_MACHINE_REFERENCE_RECORDS,
  MIN_SEPARATION,
  maximumLikelihoodShare,
  mixtureEstimate,
  totalVariation,
} from '../../../functions/core/analysis/reference';
import { bump, mix, stored } from './score-histograms';

describe('mixture fits over score histograms', () => {
  it('recovers a known share with both fits', () => {
    for (const pi of [0, 0.3, 0.7, 1]) {
      const sample = mix(pi, 2000);
      const human = bump(2000, 4);
      const machine = bump(2000, 15);
      expect(leastSquaresShare(sample, human, [machine]), `LS ${pi}`).toBeCloseTo(pi, 1);
      expect(maximumLikelihoodShare(sample, human, [machine]), `ML ${pi}`).toBeCloseTo(pi, 1);
    }
  });

  it('fits several machine references as a mix: the share is the sum of their weights', () => {
    const sample = bump(600, 4).map(
      (c, k) => c + (bump(200, 12)[k] as number) + (bump(200, 17)[k] as number),
    );
    const share = maximumLikelihoodShare(sample, bump(1000, 4), [bump(1000, 12), bump(1000, 17)]);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
  });

  it('orders the bounds around the estimate and widens them for small references', () => {
    const sample = mix(0.5, 300);
    const big = mixtureEstimate(sample, bump(400, 4), [bump(400, 15)], 'maximum-likelihood');
    const small = mixtureEstimate(sample, bump(25, 4), [bump(25, 15)], 'maximum-likelihood');
    for (const e of [big, small]) {
      expect(e.interval[0]).toBeLessThanOrEqual(e.share);
      expect(e.share).toBeLessThanOrEqual(e.interval[1]);
      expect(e.share).toBeGreaterThan(0.35);
      expect(e.share).toBeLessThan(0.65);
    }
    expect(small.standardError).toBeGreaterThan(big.standardError);
    expect(small.interval[1] - small.interval[0]).toBeGreaterThan(
      big.interval[1] - big.interval[0],
    );
  });

  it('measures separation as total variation', () => {
    expect(totalVariation(bump(100, 4), bump(100, 4))).toBe(0);
    expect(totalVariation([10, 0], [0, 10])).toBe(1);
    expect(totalVariation([5, 5], [10, 0])).toBeCloseTo(0.5);
  });
});

describe('machine reference checks', () => {
  it('refuses a machine reference below the minimum, saying how many it has and needs', () => {
    const c = checkMachineReference(stored(bump(MIN_MACHINE_REFERENCE_RECORDS - 5, 15)));
    expect(c.usable).toBe(false);
    expect(c.records).toBe(MIN_MACHINE_REFERENCE_RECORDS - 5);
    expect(c.message).toMatch(new RegExp(`at least ${MIN_MACHINE_REFERENCE_RECORDS}`));
    expect(checkMachineReference(stored(bump(40, 15))).usable).toBe(true);
  });

  it('refuses references too close to tell apart', () => {
    const c = checkMachineReference(stored(bump(200, 5)), stored(bump(200, 4)));
    expect(c.separation).toBeLessThan(MIN_SEPARATION);
    expect(c).toMatchObject({ usable: false });
    expect(c.message).toMatch(/cannot tell the two apart in this domain/i);
    const far = checkMachineReference(stored(bump(200, 15)), stored(bump(200, 4)));
    expect(far.usable).toBe(true);
    expect(far.separation).toBeGreaterThan(0.9);
  });
});

describe('calibrateTwoSided', () => {
  it('gives the mixture estimate with markers combined and describes the references', () => {
    const out = calibrateTwoSided(stored(mix(0.6, 400), 0.1), stored(bump(200, 4)), [
      { evidence: stored(bump(100, 15)), generator: 'gpt-4o', name: 'gpt4o.jsonl' },
    ]);
    expect(out.reference.mode).toBe('two-sided');
    expect(out.reference.machine).toMatchObject({
      usable: true,
      references: [{ generator: 'gpt-4o', name: 'gpt4o.jsonl', records: 100, usable: true }],
    });
    // 10 % markers + 90 % × ~0.6
    expect(out.estimatedShare).toBeGreaterThan(0.55);
    expect(out.estimatedShare).toBeLessThan(0.75);
    expect(out.interval[0]).toBeGreaterThanOrEqual(0.1);
    expect(out.interval[0]).toBeLessThanOrEqual(out.estimatedShare);
    expect(out.interval[1]).toBeGreaterThanOrEqual(out.estimatedShare);
  });

  it('falls back to the human-only calibration when no machine reference is usable, and says why', () => {
    const sample = stored(mix(0.6, 400));
    const out = calibrateTwoSided(sample, stored(bump(200, 4)), [
      { evidence: stored(bump(200, 5)), generator: 'gpt-4o' },
      { evidence: stored(bump(10, 15)), generator: 'llama-3' },
    ]);
    expect(out.reference.mode).toBe('human');
    expect(out.reference.machine?.usable).toBe(false);
    expect(out.reference.machine?.message).toMatch(/cannot tell the two apart/);
    expect(out.reference.machine?.message).toMatch(/llama-3: .*at least 20/);
    expect(out.reference.machine?.message).toMatch(/human reference alone/);
    expect(out.reference.selfTest.usable).toBe(true);
  });

  it('does not use machine references when the human one fails its self-test', () => {
    const out = calibrateTwoSided(stored(mix(0.6, 400)), stored(bump(20, 4)), [
      { evidence: stored(bump(100, 15)), generator: 'gpt-4o' },
    ]);
    expect(out.reference.mode).toBe('human');
    expect(out.reference.machine?.message).toMatch(/human reference is not usable/);
  });
});

describe('an empty sample', () => {
  it('gives no information rather than a confident zero', () => {
    const e = mixtureEstimate(
      new Array(20).fill(0),
      bump(100, 4),
      [bump(100, 15)],
      'maximum-likelihood',
    );
    expect(e.interval).toEqual([0, 1]);
  });
});
