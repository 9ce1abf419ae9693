import { describe, expect, it } from 'vitest';
import { analyze, jsonl, words } from './helpers';

const edit = (text: string, at: number, word: string) => {
  const w = text.split(' ');
  w[at] = word;
  return w.join(' ');
};

describe('duplicates', () => {
  it('counts records whose normalized text repeats an earlier one', async () => {
    const texts = [
      'Hello world, this is one.',
      'HELLO   world this is ONE!',
      'Something else entirely here.',
      'hello world this is one',
    ];
    const { analysis } = await analyze(jsonl(texts.map((text) => ({ text }))));
    expect(analysis.duplicates.exactRate).toBe(0.5);
    expect(analysis.duplicates.clusters).toEqual([{ size: 3, examples: [0, 1, 3] }]);
  });

  it('finds a near duplicate with one word changed in 80 and leaves unrelated texts alone', async () => {
    const base = words(1, 80);
    const records = [base, words(2, 80), edit(base, 40, 'zebra'), words(3, 80)].map((text) => ({
      text,
    }));
    const { analysis } = await analyze(jsonl(records));
    expect(analysis.duplicates.exactRate).toBe(0);
    expect(analysis.duplicates.nearRate).toBe(0.25);
    expect(analysis.duplicates.clusters).toEqual([{ size: 2, examples: [0, 2] }]);
  });

  it('does not join texts that share only half their shingles', async () => {
    const a = words(5, 60);
    const b = `${a.split(' ').slice(0, 30).join(' ')} ${words(6, 30)}`;
    const { analysis } = await analyze(jsonl([{ text: a }, { text: b }]));
    expect(analysis.duplicates.nearRate).toBe(0);
  });

  it('compares records shorter than a shingle by character 5-grams', async () => {
    const records = ['thanks a lot', 'Thanks, a lot!', 'thanks a lots', 'no idea'].map((text) => ({
      text,
    }));
    const { analysis } = await analyze(jsonl(records));
    expect(analysis.duplicates.exactRate).toBe(0.25);
    expect(analysis.duplicates.clusters[0]).toEqual({ size: 3, examples: [0, 1, 2] });
  });

  it('reports label conflicts inside duplicate clusters', async () => {
    const text = words(9, 40);
    const records = [
      { text, label: 'spam' },
      { text, label: 'ham' },
      { text: words(10, 40), label: 'spam' },
      { text: words(11, 40), label: 'ham' },
    ];
    const { analysis } = await analyze(jsonl(records));
    expect(analysis.labels?.conflictRate).toBe(0.5);
    expect(analysis.findings.map((f) => f.id)).toContain('labels.conflicts');
  });

  it('states the LSH parameters and the candidate probability at J = 0.8', async () => {
    const { analysis } = await analyze(jsonl([{ text: 'one record only' }]));
    const method = analysis.findings.find((f) => f.id === 'duplicates.method');
    expect(method?.message).toMatch(/20 bands × 6 rows.*probability 0\.9977/);
  });
});
