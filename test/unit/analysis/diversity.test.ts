import { describe, expect, it } from 'vitest';
import { mattr } from '../../../functions/core/analysis/metrics/diversity';
import { analyze, jsonl, words } from './helpers';

describe('diversity', () => {
  it('computes distinct-n over the token budget', async () => {
    const { analysis } = await analyze(jsonl([{ text: 'a b a b' }, { text: 'c' }]));
    expect(analysis.diversity.distinct1).toBe(3 / 5);
    expect(analysis.diversity.distinct2).toBe(2 / 3);
    expect(analysis.diversity.distinct3).toBe(2 / 2);
  });

  it('computes the moving-average type-token ratio', () => {
    expect(mattr(Int32Array.from([1, 2, 3, 1]), 2)).toBe(1);
    expect(mattr(Int32Array.from([1, 1, 1, 2]), 2)).toBe((0.5 + 0.5 + 1) / 3);
    expect(mattr(Int32Array.from([1, 1, 2]), 50)).toBe(2 / 3);
  });

  it('rates repetitive samples as more compressible and less diverse', async () => {
    const varied = Array.from({ length: 60 }, (_, i) => ({ text: words(i, 50) }));
    const same = Array.from({ length: 60 }, (_, i) => ({ text: `${words(1, 45)} item ${i}` }));
    const a = (await analyze(jsonl(varied))).analysis.diversity;
    const b = (await analyze(jsonl(same))).analysis.diversity;
    expect(b.compressionRatio).toBeGreaterThan(a.compressionRatio * 2);
    expect(b.distinct3).toBeLessThan(a.distinct3 / 5);
  });

  it('keeps the same budget selection whatever the sample size beyond it', async () => {
    const records = Array.from({ length: 400 }, (_, i) => ({ text: words(i, 50) }));
    const small = await analyze(jsonl(records), { limits: { tokenBudget: 1000 } });
    expect(small.partial.budget.tokens).toBeGreaterThanOrEqual(1000);
    expect(small.partial.budget.tokens).toBeLessThan(1050);
  });

  it('measures self-repetition and flags looping records', async () => {
    const loop = Array.from({ length: 12 }, () => 'the quick brown fox jumps').join(' ');
    const { analysis } = await analyze(jsonl([{ text: loop }, { text: words(3, 60) }]));
    expect(analysis.diversity.selfRepetition).toBeGreaterThan(0.4);
    const finding = analysis.findings.find((f) => f.id === 'diversity.self-repetition');
    expect(finding?.evidence).toMatchObject({ records: 1, examples: [0] });
  });
});
