import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnalysisPartial,
  finalize,
  mergePartials,
  serializePartial,
} from '../../../functions/core/analysis';
import {
  normalizeCode,
  parseDeclaredLanguages,
} from '../../../functions/core/analysis/languages/codes';
import { MAX_SOURCES, sourceName } from '../../../functions/core/analysis/partial/sources';
import { analyze, jsonl, NOW, words } from './helpers';

const FIELDS = { text: 'text', label: 'label', source: 'feed', createdAt: 'created_at' };
const VOCAB = ['alpha', 'beta', 'gamma', 'delta', 'echo', 'fox', 'golf', 'hotel', 'india'];

const record = fc.record({
  text: fc
    .array(fc.constantFrom(...VOCAB), { minLength: 0, maxLength: 25 })
    .map((w) => w.join(' ')),
  label: fc.constantFrom('x', 'y', 'z'),
  feed: fc.constantFrom('a', 'b', 'c', 'https://Example.org/x', ''),
  created_at: fc.constantFrom('2024-01-05', '2024-07-10', 'not a date', ''),
  mail: fc.boolean(),
});
const toRows = (rs: { text: string; mail: boolean }[]) =>
  rs.map(({ mail, ...r }, i) => ({
    ...r,
    text: mail ? `${r.text} write to p${i}@example.com` : r.text,
  }));

async function partialOf(rows: unknown[], key?: string): Promise<AnalysisPartial> {
  const options = { fields: FIELDS, checkMapping: false, ...(key ? { spotCheck: { key } } : {}) };
  return (await analyze(jsonl(rows), options)).partial;
}

describe('per-source counts and the language sample in the partial', () => {
  it('merge of shard partials equals a single pass (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 2, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        async (rs, c1, c2) => {
          const rows = toRows(rs);
          const [i, j] = [c1 % rows.length, c2 % rows.length].sort((x, y) => x - y) as [
            number,
            number,
          ];
          const whole = await partialOf(rows, 'k');
          const parts = [rows.slice(0, i), rows.slice(i, j), rows.slice(j)].filter(
            (p) => p.length > 0,
          );
          const partials = await Promise.all(parts.map((p) => partialOf(p, 'k')));
          const merged = partials.reduce((a, b) => mergePartials(a, b));
          expect(serializePartial(merged)).toEqual(serializePartial(whole));
          expect(finalize(merged, { now: NOW })).toEqual(finalize(whole, { now: NOW }));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('counts a record that repeats an earlier one from another source in its own row', async () => {
    const a = words(1, 30);
    const b = words(2, 30);
    const rows = [
      { text: a, feed: 'first' },
      { text: b, feed: 'first' },
      { text: a, feed: 'second' },
      { text: words(3, 30), feed: 'second' },
    ];
    const analysis = finalize(await partialOf(rows), { now: NOW });
    const row = (s: string) => analysis.bySource?.find((r) => r.source === s);
    expect(row('first')?.duplicates.exactRate).toBe(0);
    expect(row('second')?.duplicates.exactRate).toBe(0.5);
    expect(row('second')?.duplicates.nearRate).toBe(0.5);
  });

  it('reports the 20 largest sources and one "(other)" row past the cap', async () => {
    const n = MAX_SOURCES + 30;
    const rows = Array.from({ length: n }, (_, i) => ({ text: words(i, 12), feed: `s${i}` }));
    for (let i = 0; i < 25; i++) rows.push({ text: words(5000 + i, 12), feed: `s${i % 3}` });
    const whole = finalize(await partialOf(rows), { now: NOW });
    const table = whole.bySource ?? [];
    expect(table).toHaveLength(21);
    expect(table[20]?.source).toBe('(other)');
    expect(table.slice(0, 3).map((r) => r.records)).toEqual([10, 9, 9]);
    expect(table.reduce((s, r) => s + r.records, 0)).toBe(rows.length);
  });

  it('has no per-source rows without a source field, and languages always', async () => {
    const rows = [{ text: words(1, 30) }, { text: words(2, 30) }];
    const { analysis } = await analyze(jsonl(rows), { now: NOW });
    expect(analysis.bySource).toBeUndefined();
    expect(analysis.languages?.undetermined).toBeGreaterThanOrEqual(0);
  });

  it('names a source by its value, a URL by its host', () => {
    expect(sourceName('https://Example.org/a/b?c')).toBe('example.org');
    expect(sourceName('  scraper-eu ')).toBe('scraper-eu');
    expect(sourceName('')).toBe('(none)');
    expect(sourceName(undefined)).toBe('(none)');
    expect(sourceName('x'.repeat(300))).toHaveLength(100);
  });
});

describe('declared languages', () => {
  it('reads lists of ISO 639-1 and 639-3 codes', () => {
    expect(parseDeclaredLanguages('en')).toEqual(['en']);
    expect(parseDeclaredLanguages('en, zh')).toEqual(['en', 'zh']);
    expect(parseDeclaredLanguages('eng; cmn / fra')).toEqual(['en', 'zh', 'fr']);
    expect(parseDeclaredLanguages('EN-gb zho')).toEqual(['en', 'zh']);
    expect(parseDeclaredLanguages(['de', 'nld'])).toEqual(['de', 'nl']);
    expect(normalizeCode('ceb')).toBe('ceb');
  });

  it('treats an answer that is not a list of codes as undeclared', () => {
    expect(parseDeclaredLanguages('English and French')).toBeNull();
    expect(parseDeclaredLanguages('en and fr')).toBeNull();
    expect(parseDeclaredLanguages('')).toBeNull();
    expect(parseDeclaredLanguages(42)).toBeNull();
    expect(parseDeclaredLanguages(null)).toBeNull();
  });
});
