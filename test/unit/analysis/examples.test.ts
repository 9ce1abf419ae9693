import { describe, expect, it } from 'vitest';
import {
  analyzeSource,
  exampleRecords,
  recordTexts,
  withClusterTexts,
} from '../../../functions/core/analysis';
import { maskPersonalData } from '../../../functions/core/analysis/metrics/pii';

async function* bytes(text: string) {
  yield new TextEncoder().encode(text);
}

const dup = 'Please call me back about the refund at jane.doe@example.com before Friday afternoon.';
const lines = [
  { text: 'The river was quiet under the old stone bridge in the early morning.' },
  { text: dup },
  { text: 'A completely different sentence about markets, signals and harbors.' },
  { text: dup },
  { text: 'Orbit pencils quietly measure nothing at all, said the engineer.' },
];
const file = lines.map((l) => JSON.stringify(l)).join('\n');

describe('duplicate examples for reviewers', () => {
  it('masks personal data in text', () => {
    const masked = maskPersonalData(dup);
    expect(masked).not.toContain('jane.doe@example.com');
    expect(masked).toContain('j***@***.com');
  });

  it('reads back the texts of the largest clusters, masked, by record number', async () => {
    const { analysis } = await analyzeSource(bytes(file), { fileName: 'a.jsonl' });
    const records = exampleRecords(analysis);
    expect(records.sort()).toEqual([1, 3]);
    const texts = await recordTexts(bytes(file), analysis, records);
    expect([...texts.keys()].sort()).toEqual([1, 3]);
    for (const t of texts.values()) {
      expect(t).toContain('refund');
      expect(t).not.toContain('jane.doe');
    }
    const withTexts = withClusterTexts(analysis, texts);
    expect(withTexts.duplicates.clusters[0]?.texts?.length).toBe(2);
    expect(analysis.duplicates.clusters[0]?.texts).toBeUndefined();
  });

  it('cuts long texts after masking', async () => {
    const long = { text: `${'word '.repeat(100)}contact me at someone@example.org` };
    const body = [long, long].map((l) => JSON.stringify(l)).join('\n');
    const { analysis } = await analyzeSource(bytes(body), { fileName: 'b.jsonl' });
    const texts = await recordTexts(bytes(body), analysis, [0], { maxChars: 40 });
    expect(texts.get(0)?.length).toBe(40);
    expect(texts.get(0)?.endsWith('…')).toBe(true);
  });
});
