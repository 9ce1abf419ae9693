import { describe, expect, it } from 'vitest';
import { estimateShare } from '../../../functions/core/analysis/synthetic/estimate';
import { MODEL } from '../../../functions/core/analysis/synthetic/model';
import { analyze, jsonl } from './helpers';

/** The histogram a population with machine share `pi` is expected to have under the model's rates. */
function expectedHistogram(pi: number, n: number): number[] {
  const rate = (k: number) =>
    pi * ((MODEL.machineAtLeast[k] as number) - (MODEL.machineAtLeast[k + 1] as number)) +
    (1 - pi) * ((MODEL.humanAtLeast[k] as number) - (MODEL.humanAtLeast[k + 1] as number));
  return Array.from({ length: MODEL.bins }, (_, k) => Math.round(rate(k) * n));
}

describe('machine-text estimate', () => {
  it('recovers the share from a histogram with the model rates, with a narrowing bootstrap', () => {
    for (const pi of [0, 0.3, 0.7, 1]) {
      const e = estimateShare(expectedHistogram(pi, 20_000), MODEL, 0);
      expect(e.share).toBeCloseTo(pi, 1);
      expect(e.bootstrap[0]).toBeLessThanOrEqual(e.share);
      expect(e.bootstrap[1]).toBeGreaterThanOrEqual(e.share);
    }
    const small = estimateShare(expectedHistogram(0.3, 200), MODEL, 0);
    const large = estimateShare(expectedHistogram(0.3, 20_000), MODEL, 0);
    const width = (e: typeof small) => e.bootstrap[1] - e.bootstrap[0];
    expect(width(large)).toBeLessThan(width(small));
  });

  it('widens the bootstrap interval by the cross-domain error', () => {
    const e = estimateShare(expectedHistogram(0.5, 5000), MODEL);
    expect(e.interval[0]).toBeCloseTo(Math.max(0, e.bootstrap[0] - MODEL.crossDomainError), 9);
    expect(e.interval[1]).toBeCloseTo(Math.min(1, e.bootstrap[1] + MODEL.crossDomainError), 9);
  });

  it('counts marker records as generated and states its method and interval', async () => {
    const records = [
      { text: 'As an AI language model, I cannot browse the web.' },
      { text: 'The meeting moved to Tuesday at noon.' },
      { text: 'Bring the blue folder, please.' },
      { text: 'We ran out of milk again.' },
    ];
    const { analysis } = await analyze(jsonl(records));
    const s = analysis.synthetic;
    expect(s.markerRate).toBe(0.25);
    expect(s.estimatedShare).toBeGreaterThanOrEqual(0.25);
    expect(s.interval[0]).toBeGreaterThanOrEqual(0.25);
    expect(s.interval[0]).toBeLessThanOrEqual(s.estimatedShare);
    expect(s.interval[1]).toBeGreaterThanOrEqual(s.estimatedShare);
    expect(s.method).toMatch(/logistic regression/);
    expect(s.method).toMatch(/not proof of human origin/);
    const finding = analysis.findings.find((f) => f.id === 'synthetic.markers');
    expect(finding?.evidence).toMatchObject({ examples: [{ record: 0, kind: 'self-reference' }] });
  });

  it('reports the declared synthetic share separately and flags it when it contradicts markers', async () => {
    const records = Array.from({ length: 20 }, (_, i) => ({
      text: `As an AI language model, answer number ${i} is yes.`,
      synthetic: false,
    }));
    const { analysis } = await analyze(jsonl(records));
    expect(analysis.synthetic.declaredShare).toBe(0);
    expect(analysis.synthetic.estimatedShare).toBe(1);
    expect(analysis.findings.map((f) => f.id)).toContain('synthetic.declared-mismatch');
  });

  it('has no declared share when the sample has no synthetic flag', async () => {
    const { analysis } = await analyze(jsonl([{ text: 'plain' }]));
    expect(analysis.synthetic.declaredShare).toBeNull();
  });
});
