import { describe, expect, it } from 'vitest';
import {
  calibrateTwoSided,
  checkMachineHistogram,
  excessLowerBound,
  MIN_ORIENTATION,
  mixtureEstimate,
  orientationOf,
  TWO_SIDED_FIT,
  twoSidedShare,
} from '../../../functions/core/analysis/reference';
import { bump, mix, stored } from './score-histograms';

describe('the orientation of a machine reference', () => {
  it('is the chance that a machine-reference record scores above a human-reference one', () => {
    expect(orientationOf(bump(1000, 15), bump(1000, 4))).toBeGreaterThan(0.99);
    expect(orientationOf(bump(1000, 4), bump(1000, 15))).toBeLessThan(0.01);
    expect(orientationOf(bump(1000, 9), bump(1000, 9))).toBeCloseTo(0.5, 5);
  });

  it('refuses a machine reference that reads as more human than the human reference, saying why', () => {
    // well separated, but on the wrong side: as the machine side of a mixture it would turn the fit around
    const check = checkMachineHistogram(bump(200, 3), bump(200, 12));
    expect(check.separation).toBeGreaterThan(0.5);
    expect(check.orientation).toBeLessThan(MIN_ORIENTATION);
    expect(check.usable).toBe(false);
    expect(check.message).toMatch(/more human than the human reference/);
    expect(check.message).toMatch(/reference prompts/);
  });

  it('uses a separated machine reference on the machine side', () => {
    const check = checkMachineHistogram(bump(200, 14), bump(200, 4));
    expect(check.usable).toBe(true);
    expect(check.orientation).toBeGreaterThan(0.9);
  });
});

describe('the two-sided share against the departure from the human reference', () => {
  // machine text halfway between the human reference and a machine reference of another kind
  const human = bump(2000, 3);
  const otherMachine = bump(2000, 18, 1);
  const sample = bump(400, 10);

  it('raises a fit that reads below what the human reference alone proves', () => {
    const fit = mixtureEstimate(sample, human, [otherMachine], TWO_SIDED_FIT);
    const departure = excessLowerBound(sample, human);
    expect(fit.share, 'the fit alone misses it').toBeLessThan(0.2);
    expect(departure).toBeGreaterThan(0.8);
    const e = twoSidedShare(sample, human, [otherMachine], TWO_SIDED_FIT);
    expect(e.floored).toBe(true);
    expect(e.share).toBe(departure);
    expect(e.interval[0]).toBe(departure);
    expect(e.interval[1]).toBeGreaterThanOrEqual(departure);
  });

  it('leaves a fit at or above the departure unchanged', () => {
    for (const pi of [0, 0.4, 1]) {
      const s = mix(pi, 600, 4, 15);
      const plain = mixtureEstimate(s, bump(600, 4), [bump(600, 15)], TWO_SIDED_FIT);
      const e = twoSidedShare(s, bump(600, 4), [bump(600, 15)], TWO_SIDED_FIT);
      expect(e.floored, `share ${pi}`).toBe(false);
      expect(e.share).toBe(plain.share);
      expect(e.interval).toEqual(plain.interval);
    }
  });

  it('never raises an honest file: its departure from its own kind of text is about zero', () => {
    const e = twoSidedShare(bump(400, 3), human, [otherMachine], TWO_SIDED_FIT);
    expect(e.departure).toBeLessThanOrEqual(0.05);
    expect(e.interval[0]).toBeLessThanOrEqual(0.05);
  });

  it('says in the report when the estimate is the departure, and records it', () => {
    const out = calibrateTwoSided(stored(sample), stored(human), [
      { evidence: stored(otherMachine), generator: 'other-model', name: 'other.jsonl' },
    ]);
    expect(out.reference.mode).toBe('two-sided');
    expect(out.reference.machine?.departure?.applied).toBe(true);
    expect(out.estimatedShare).toBeGreaterThan(0.8);
    expect(out.interval[0]).toBeGreaterThan(0.8);
    expect(out.reference.machine?.message).toMatch(/unlike the machine reference's/);
  });

  it('falls back to the human reference alone when the only machine reference is on the wrong side', () => {
    const out = calibrateTwoSided(stored(mix(1, 400, 3, 12)), stored(bump(2000, 8)), [
      { evidence: stored(bump(400, 2)), generator: 'other-model' },
    ]);
    expect(out.reference.mode).toBe('human');
    expect(out.reference.machine?.references[0]?.message).toMatch(/more human/);
  });
});

describe('the CLI summary of a raised estimate', () => {
  it('says the estimate was raised to the departure and why', async () => {
    const { formatSummary } = await import('../../../functions/cli/summary');
    const { analyze, jsonl } = await import('./helpers');
    const { analysis: a } = await analyze(
      jsonl([{ text: 'One plain sentence written for a test.' }]),
    );
    const synthetic = calibrateTwoSided(stored(bump(400, 10)), stored(bump(2000, 3)), [
      { evidence: stored(bump(2000, 18, 1)), generator: 'other-model', name: 'other.jsonl' },
    ]);
    const text = formatSummary({ ...a, synthetic }, 'sample.jsonl');
    expect(text).toMatch(/two-sided: human reference/);
    expect(text).toMatch(/raised to the departure from the human reference \([\d.]+%\)/);
  });
});
