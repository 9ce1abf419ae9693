import { describe, expect, it } from 'vitest';
import { analyze, jsonl, words } from './helpers';

const training = Array.from({ length: 30 }, (_, i) => ({ text: words(i, 60) }));

async function contamination(holdout: { text: string }[]) {
  const hold = await analyze(jsonl(holdout));
  const { analysis } = await analyze(jsonl(training), { holdout: hold.partial });
  return analysis;
}

describe('contamination', () => {
  it('finds every record of an identical holdout', async () => {
    const a = await contamination(training);
    expect(a.contamination).toEqual({
      holdoutRecords: 30,
      overlapRate: 1,
      exactRate: 1,
      meanCoverage: 1,
    });
    expect(a.findings.find((f) => f.id === 'contamination.overlap')?.severity).toBe('critical');
  });

  it('finds nothing in an unrelated holdout', async () => {
    const a = await contamination(
      Array.from({ length: 10 }, (_, i) => ({ text: words(1000 + i, 60) })),
    );
    expect(a.contamination).toEqual({
      holdoutRecords: 10,
      overlapRate: 0,
      exactRate: 0,
      meanCoverage: 0,
    });
  });

  it('counts a shared 13-word passage as overlap with partial coverage', async () => {
    const quote = training[3]?.text.split(' ').slice(10, 30).join(' ') as string;
    const a = await contamination([
      { text: `${words(2000, 40)} ${quote} ${words(2001, 40)}` },
      { text: words(2002, 60) },
    ]);
    expect(a.contamination?.overlapRate).toBe(0.5);
    expect(a.contamination?.exactRate).toBe(0);
    expect(a.contamination?.meanCoverage).toBeGreaterThan(0.02);
    expect(a.contamination?.meanCoverage).toBeLessThan(0.2);
  });

  it('counts near copies of training records', async () => {
    const near = training.slice(0, 4).map((r) => ({ text: `${r.text} extra` }));
    const a = await contamination(near);
    expect(a.contamination?.overlapRate).toBe(1);
    expect(a.contamination?.exactRate).toBe(0);
  });
});
