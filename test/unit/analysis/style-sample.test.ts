import { describe, expect, it } from 'vitest';
import {
  type AnalysisPartial,
  deserializePartial,
  finalize,
  mergePartials,
  serializePartial,
} from '../../../functions/core/analysis';
import { drawSpotCheck } from '../../../functions/core/analysis/spot-check';
import { STYLE_SAMPLE_BOUND } from '../../../functions/core/analysis/synthetic/sample';
import { analyze, jsonl, NOW, words } from './helpers';

/** Records of varied style: plain words, list-like answers, assistant boilerplate, empty ones. */
function records(n: number): { text: string }[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 17 === 5) return { text: `As an AI language model, I cannot answer ${words(i, 8)}.` };
    if (i % 29 === 3) return { text: '' };
    if (i % 3 === 1)
      return {
        text: `Certainly! Here are the steps:\n\n1. ${words(i, 9)}.\n2. ${words(i + 1, 11)}.\n\nIn conclusion, ${words(i + 3, 12)}.`,
      };
    return { text: `${words(i, 6 + (i % 40))}, ${words(i * 7, 3)}? ${words(i * 3, 5 + (i % 9))}` };
  });
}

const LINES = jsonl(records(700));
const part = (from: number, to?: number) =>
  `${LINES.trim().split('\n').slice(from, to).join('\n')}\n`;
const fold = async (text: string, key?: string, bound?: number) =>
  (
    await analyze(text, {
      fields: { text: 'text' },
      ...(key ? { spotCheck: { key } } : {}),
      ...(bound ? { styleSampleBound: bound } : {}),
    })
  ).partial;
const total = (xs: readonly number[]) => xs.reduce((s, c) => s + c, 0);
const withoutRecords = (p: AnalysisPartial) => p.records - p.emptyText - p.markers.records;

describe('keyed style sample', () => {
  it('scores every record below the bound: the analysis is that of a fold without sampling', async () => {
    expect(STYLE_SAMPLE_BOUND).toBeGreaterThan(700);
    const [keyed, plain] = await Promise.all([fold(LINES, 'key'), fold(LINES)]);
    expect(keyed.styleSample?.hashes).toHaveLength(withoutRecords(keyed));
    expect(keyed.scores).toEqual(plain.scores);
    const [a, b] = [finalize(keyed, { now: NOW }), finalize(plain, { now: NOW })];
    expect(a.synthetic).toEqual(b.synthetic);
    expect(a.spotCheck).toEqual(b.spotCheck);
  });

  it('above the bound scores the bound, keeps the marker share, and draws the same review pool', async () => {
    const [sampled, full] = await Promise.all([fold(LINES, 'key', 120), fold(LINES, 'key')]);
    const s = sampled.styleSample;
    expect(s?.hashes).toHaveLength(120);
    expect(s?.records).toBe(withoutRecords(sampled));
    expect(total(sampled.scores)).toBe(120);
    expect(new Set(s?.bins).size).toBeGreaterThan(3);
    // the histogram counts exactly the sampled records
    const hist = new Array<number>(sampled.scores.length).fill(0);
    for (const bin of s?.bins ?? []) hist[bin] = (hist[bin] as number) + 1;
    expect(sampled.scores).toEqual(hist);
    // the bottom-k of the full sample's keyed hashes
    expect(s?.hashes).toEqual(full.styleSample?.hashes.slice(0, 120));
    const [a, b] = [finalize(sampled, { now: NOW }), finalize(full, { now: NOW })];
    expect(a.synthetic.markerRate).toBeCloseTo(b.synthetic.markerRate, 12);
    expect(a.synthetic.interval[1] - a.synthetic.interval[0]).toBeGreaterThan(0);
    // every record that could enter the review pool was scored: the pool is unchanged
    expect(sampled.spotPool).toEqual(full.spotPool);
    // band sizes are the sample's shares of all records without markers
    const bands = (x: typeof a) => (x.spotCheck?.strata ?? []).slice(0, 4).map((t) => t.records);
    expect(total(bands(a))).toBe(total(bands(b)));
    expect(a.spotCheck?.strata[4]).toEqual(b.spotCheck?.strata[4]);
  });

  it('merges: shards pick the same records, so merged partials equal the one-pass partial', async () => {
    const [whole, a, b] = await Promise.all([
      fold(LINES, 'key', 90),
      fold(part(0, 260), 'key', 90),
      fold(part(260), 'key', 90),
    ]);
    const merged = mergePartials(a, b);
    expect(merged.styleSample).toEqual(whole.styleSample);
    expect(merged.scores).toEqual(whole.scores);
    const bytes = (x: AnalysisPartial) => Buffer.concat(serializePartial(x));
    expect(bytes(merged).equals(bytes(whole))).toBe(true);
    expect(finalize(merged, { now: NOW })).toEqual(finalize(whole, { now: NOW }));
    expect(drawSpotCheck(merged, 100)).toEqual(drawSpotCheck(whole, 100));
    expect(deserializePartial(serializePartial(whole)).styleSample).toEqual(whole.styleSample);
  });

  it('is keyed: another key picks other records, and partials of two keys never merge', async () => {
    const [one, two] = await Promise.all([fold(LINES, 'key', 90), fold(LINES, 'other', 90)]);
    const picked = (p: AnalysisPartial) => new Set(p.styleSample?.indexes);
    const shared = [...picked(one)].filter((i) => picked(two).has(i)).length;
    expect(shared).toBeLessThan(60);
    const a = await fold(part(0, 260), 'key', 90);
    const b = await fold(part(260), 'other', 90);
    expect(() => mergePartials(a, b)).toThrow(/different spot-check keys|style-sample keys/);
  });
});
