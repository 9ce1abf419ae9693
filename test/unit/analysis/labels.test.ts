import { describe, expect, it } from 'vitest';
import { analyze, jsonl, words } from './helpers';

const rows = (labels: string[], extra: (i: number) => object = () => ({})) =>
  jsonl(labels.map((label, i) => ({ text: words(i + 100, 12), label, ...extra(i) })));

describe('labels', () => {
  it('gives entropy 1 and imbalance 1 for balanced classes', async () => {
    const { analysis } = await analyze(rows(['a', 'b', 'c', 'a', 'b', 'c']));
    expect(analysis.labels).toMatchObject({
      classes: { a: 2, b: 2, c: 2 },
      normalizedEntropy: 1,
      imbalanceRatio: 1,
      rareClasses: [],
    });
  });

  it('measures imbalance and rare classes', async () => {
    const labels = [...Array(150).fill('big'), ...Array(49).fill('mid'), 'tiny'];
    const { analysis } = await analyze(rows(labels));
    expect(analysis.labels?.imbalanceRatio).toBe(150);
    expect(analysis.labels?.rareClasses).toEqual(['tiny']);
    expect(analysis.labels?.normalizedEntropy).toBeCloseTo(0.5342, 3);
  });

  it('reports the low-agreement share from a confidence column', async () => {
    const conf = ['1', '0.6', '1', '0.35', '1', '1', '0.79', '0.8'];
    const { analysis } = await analyze(
      rows(['x', 'y', 'x', 'y', 'x', 'y', 'x', 'y'], (i) => ({ label_confidence: conf[i] })),
    );
    expect(analysis.input.fields.confidence).toBe('label_confidence');
    expect(analysis.labels?.lowAgreementShare).toBe(3 / 8);
  });

  it('lists holdout classes missing from training', async () => {
    const train = await analyze(rows(['a', 'b', 'a', 'b']));
    const { analysis } = await analyze(rows(['a', 'b', 'c']), {
      holdout: (await analyze(rows(['a', 'c', 'd']))).partial,
    });
    expect(analysis.labels?.missingInTraining).toEqual(['d']);
    expect(train.analysis.labels?.missingInTraining).toEqual([]);
    expect(analysis.findings.find((f) => f.id === 'labels.missing-in-training')?.severity).toBe(
      'high',
    );
  });

  it('is null without a label field', async () => {
    const { analysis } = await analyze(jsonl([{ text: 'no labels here' }]));
    expect(analysis.labels).toBeNull();
  });
});
