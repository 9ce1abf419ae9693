import { describe, expect, it } from 'vitest';
import { CUE_RATES, mixtureShare } from '../../../functions/core/analysis/metrics/synthetic';
import { PATTERNS } from '../../../functions/core/analysis/text/style';
import { analyze, jsonl } from './helpers';

function expectedCounts(cls: 'human' | 'machine', n: number): number[] {
  const r = CUE_RATES;
  return Array.from({ length: PATTERNS }, (_, p) => {
    const pr =
      (p & 1 ? r.irregular[cls] : 1 - r.irregular[cls]) *
      ((p >> 1) & 1 ? r.list[cls] : 1 - r.list[cls]) *
      ((p >> 2) & 1 ? r.curly[cls] : 1 - r.curly[cls]) *
      (r.rhythm[cls][p >> 3] as number);
    return Math.round(pr * n);
  });
}

describe('machine-text estimate', () => {
  it('recovers the mixture share from cue patterns with a shrinking standard error', () => {
    const human = expectedCounts('human', 10_000);
    const machine = expectedCounts('machine', 10_000);
    expect(mixtureShare(human).share).toBeLessThan(0.02);
    expect(mixtureShare(machine).share).toBeGreaterThan(0.98);
    const mixed = human.map((h, i) => Math.round(0.7 * h + 0.3 * (machine[i] as number)));
    const m = mixtureShare(mixed);
    expect(m.share).toBeCloseTo(0.3, 1);
    expect(m.se).toBeLessThan(mixtureShare(mixed.map((c) => Math.round(c / 100))).se);
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
    expect(s.method).toMatch(/mixture-proportion/);
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
