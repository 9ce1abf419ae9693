import { describe, expect, it } from 'vitest';
import {
  type AnalysisPartial,
  deserializePartial,
  finalize,
  mergePartials,
  serializePartial,
} from '../../../functions/core/analysis';
import {
  allocateSpotCheck,
  drawSpotCheck,
  estimateSpotCheck,
  MARKER_STRATUM,
  SPOT_CHECK_MAX_SIZE,
  SPOT_CHECK_TEXT_CHARS,
  SpotCheckInputError,
  type SpotStratum,
  type SpotTag,
} from '../../../functions/core/analysis/spot-check';
import { analyze, jsonl, words } from './helpers';

const strata = (sizes: number[]): SpotStratum[] =>
  sizes.map((records, id) => ({ id, label: `s${id}`, records }));

/** Records of varied style (plain words, list-like answers, assistant boilerplate, empty ones). */
function records(n: number): { text: string }[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 17 === 5) return { text: `As an AI language model, I cannot answer ${words(i, 8)}.` };
    if (i % 29 === 3) return { text: '' };
    if (i % 3 === 1)
      return {
        text: `Certainly! Here are the steps:\n\n1. ${words(i, 9)}.\n2. ${words(i + 1, 11)}.\n3. ${words(i + 2, 7)}.\n\nIn conclusion, ${words(i + 3, 12)}.`,
      };
    if (i === 42) return { text: words(i, 1500) };
    return { text: `${words(i, 6 + (i % 40))}, ${words(i * 7, 3)}? ${words(i * 3, 5 + (i % 9))}` };
  });
}

const LINES = jsonl(records(600));
const fold = async (text: string, key?: string) =>
  (await analyze(text, { fields: { text: 'text' }, ...(key ? { spotCheck: { key } } : {}) }))
    .partial;

describe('spot-check allocation', () => {
  it('gives every nonempty stratum min(size, 2), shares the rest half equally, half by size', () => {
    const sizes = [900, 60, 30, 10, 0];
    const a = allocateSpotCheck(strata(sizes), 100);
    expect(a.reduce((x, y) => x + y, 0)).toBe(100);
    expect(a[4]).toBe(0);
    expect(a[3]).toBe(10); // a rare stratum is read in full
    a.forEach((x, h) => {
      expect(x).toBeLessThanOrEqual(sizes[h] as number);
    });
    // proportional alone would give the large stratum 90; the equal half moves reads to rare strata
    expect(a[0]).toBeGreaterThan(40);
    expect(a[0]).toBeLessThan(70);
    expect(a[2]).toBeGreaterThan(100 * (30 / 1000));
  });

  it('reaches the highest strata first when n is too small for the floor, and caps at the file', () => {
    expect(allocateSpotCheck(strata([500, 500, 1, 500, 3]), 3)).toEqual([0, 0, 1, 1, 1]);
    expect(allocateSpotCheck(strata([5, 0, 3, 0, 1]), 100)).toEqual([5, 0, 3, 0, 1]);
    expect(allocateSpotCheck(strata([0, 0, 0, 0, 0]), 10)).toEqual([0, 0, 0, 0, 0]);
    for (const n of [1, 7, 50, 100, 399]) {
      const a = allocateSpotCheck(strata([1000, 337, 45, 12, 2]), n);
      expect(a.reduce((x, y) => x + y, 0)).toBe(n);
      expect(allocateSpotCheck(strata([1000, 337, 45, 12, 2]), n)).toEqual(a);
    }
  });
});

describe('spot-check draw', () => {
  it('keeps no pool without a key, and strata that count the records with text', async () => {
    const p = await fold(LINES);
    expect(p.spotPool).toBeUndefined();
    const a = finalize(p);
    const sizes = a.spotCheck?.strata.map((s) => s.records) ?? [];
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(p.records - p.emptyText);
    expect(a.spotCheck?.strata[MARKER_STRATUM]?.records).toBe(p.markers.records);
    expect(() => drawSpotCheck(p, 10)).toThrow(SpotCheckInputError);
  });

  it('is deterministic given the file and key, differs by key, and hides strata in the order', async () => {
    const [a, b, c] = await Promise.all([fold(LINES, 'k1'), fold(LINES, 'k1'), fold(LINES, 'k2')]);
    const d1 = drawSpotCheck(a, 100);
    expect(d1).toHaveLength(100);
    expect(drawSpotCheck(b, 100)).toEqual(d1);
    expect(drawSpotCheck(c, 100).map((r) => r.index)).not.toEqual(d1.map((r) => r.index));
    expect(new Set(d1.map((r) => r.index)).size).toBe(100);
    const order = d1.map((r) => r.stratum);
    expect(order).not.toEqual([...order].sort((x, y) => x - y));
    expect(order).not.toEqual([...order].sort((x, y) => y - x));
    const counts = allocateSpotCheck(finalize(a).spotCheck?.strata ?? [], 100);
    counts.forEach((n, h) => {
      expect(order.filter((s) => s === h)).toHaveLength(n);
    });
    const lines = LINES.trim().split('\n');
    for (const r of d1) {
      const text = (JSON.parse(lines[r.index] as string) as { text: string }).text;
      expect(r.truncated ? text.startsWith(r.text) : r.text === text, `record ${r.index}`).toBe(
        true,
      );
    }
  });

  it('truncates long texts and says so', async () => {
    const long = jsonl([{ text: words(1, 2000) }, { text: 'short text here' }]);
    const d = drawSpotCheck(await fold(long, 'k'), 2);
    const r = d.find((x) => x.index === 0);
    expect(r?.truncated).toBe(true);
    expect(r?.text.length).toBe(SPOT_CHECK_TEXT_CHARS);
    expect(d.find((x) => x.index === 1)?.truncated).toBe(false);
  });

  it('merges: two parts folded apart and merged give the whole file pool and draw', async () => {
    const lines = LINES.trim().split('\n');
    const [whole, a, b] = await Promise.all([
      fold(LINES, 'key'),
      fold(`${lines.slice(0, 233).join('\n')}\n`, 'key'),
      fold(`${lines.slice(233).join('\n')}\n`, 'key'),
    ]);
    const merged = mergePartials(a, b);
    expect(merged.spotPool).toEqual(whole.spotPool);
    const bytes = (x: AnalysisPartial) => Buffer.concat(serializePartial(x));
    expect(bytes(merged).equals(bytes(whole))).toBe(true);
    expect(drawSpotCheck(merged, 150)).toEqual(drawSpotCheck(whole, 150));
    expect(drawSpotCheck(merged, 150).some((r) => r.index >= 233)).toBe(true);
    const stored = deserializePartial(serializePartial(whole));
    expect(drawSpotCheck(stored, 150)).toEqual(drawSpotCheck(whole, 150));
    const other = await fold(`${lines.slice(233).join('\n')}\n`, 'another key');
    expect(() => mergePartials(a, other)).toThrow(/different spot-check keys/);
    const plain = await fold(`${lines.slice(233).join('\n')}\n`);
    expect(() => mergePartials(a as AnalysisPartial, plain)).toThrow(/spot-check keys/);
  });

  it('refuses sizes outside 1..max and an empty key', async () => {
    const p = await fold(LINES, 'k');
    for (const n of [0, -1, 2.5, SPOT_CHECK_MAX_SIZE + 1, Number.NaN])
      expect(() => drawSpotCheck(p, n)).toThrow(/whole number from 1 to/);
    expect(drawSpotCheck(p, SPOT_CHECK_MAX_SIZE)).toHaveLength(
      Math.min(SPOT_CHECK_MAX_SIZE, p.records - p.emptyText),
    );
    await expect(fold(LINES, '')).resolves.toBeDefined(); // '' means no key in this helper
    await expect(
      analyze(LINES, { fields: { text: 'text' }, spotCheck: { key: '' } }),
    ).rejects.toThrow(/spotCheck.key/);
  });
});

describe('spot-check estimate', () => {
  const s = strata([800, 150, 50, 0, 0]);
  const tags = (counts: [number, SpotTag, number][]) =>
    counts.flatMap(([stratum, tag, n]) => Array.from({ length: n }, () => ({ stratum, tag })));

  it('weights strata by their size, not by how many were read', () => {
    const e = estimateSpotCheck(
      s,
      tags([
        [0, 'human', 50],
        [1, 'machine', 15],
        [1, 'human', 15],
        [2, 'machine', 20],
      ]),
    );
    expect(e.share).toBeCloseTo(0.15 * 0.5 + 0.05, 10);
    expect(e.interval[0]).toBeLessThan(e.share);
    expect(e.interval[1]).toBeGreaterThan(e.share);
    expect(e).toMatchObject({ reviewed: 100, unsure: 0 });
    expect(e.method).toMatch(/Wilson/);
  });

  it('widens both ways with unsure tags instead of dropping them', () => {
    const base: [number, SpotTag, number][] = [
      [0, 'human', 40],
      [1, 'machine', 15],
      [1, 'human', 15],
      [2, 'machine', 20],
    ];
    const sure = estimateSpotCheck(s, tags([...base, [0, 'human', 10]]));
    const unsure = estimateSpotCheck(s, tags([...base, [0, 'unsure', 10]]));
    const allMachine = estimateSpotCheck(s, tags([...base, [0, 'machine', 10]]));
    expect(unsure.unsure).toBe(10);
    expect(unsure.interval[0]).toBeCloseTo(sure.interval[0], 10);
    expect(unsure.interval[1]).toBeCloseTo(allMachine.interval[1], 10);
    expect(unsure.share).toBeGreaterThan(sure.share);
    expect(unsure.share).toBeLessThan(allMachine.share);
  });

  it('counts an unreviewed stratum as unknown, and a fully read file exactly', () => {
    const e = estimateSpotCheck(s, tags([[0, 'human', 30]]));
    expect(e.interval[1]).toBeGreaterThanOrEqual(0.2);
    const census = estimateSpotCheck(
      strata([3, 2]),
      tags([
        [0, 'human', 3],
        [1, 'machine', 2],
      ]),
    );
    expect(census.interval).toEqual([0.4, 0.4]);
  });

  it('refuses tags it cannot use', () => {
    expect(() => estimateSpotCheck(s, [])).toThrow(/no tags/);
    expect(() => estimateSpotCheck(s, [{ stratum: 9, tag: 'human' }])).toThrow(/no stratum 9/);
    expect(() => estimateSpotCheck(s, [{ stratum: 0, tag: 'maybe' as SpotTag }])).toThrow(
      /tags\[0\]\.tag/,
    );
    expect(() => estimateSpotCheck(s, tags([[3, 'human', 1]]))).toThrow(/more tags in stratum 3/);
    expect(() => estimateSpotCheck(strata([1, -1]), tags([[0, 'human', 1]]))).toThrow(
      SpotCheckInputError,
    );
  });
});
