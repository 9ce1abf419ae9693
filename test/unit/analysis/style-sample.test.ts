import { describe, expect, it } from 'vitest';
import {
  type AnalysisPartial,
  deserializePartial,
  finalize,
  mergePartials,
  serializePartial,
} from '../../../functions/core/analysis';
import { drawSpotCheck } from '../../../functions/core/analysis/spot-check';
import { fitToPools } from '../../../functions/core/analysis/spot-check/draw';
import {
  GZIP_RATIO,
  STYLE_BYTES_PER_RECORD,
  STYLE_SAMPLE_BOUND,
  styleRate,
  unmarkedRecords,
} from '../../../functions/core/analysis/synthetic/sample';
import { analyze, gz, jsonl, NOW, words } from './helpers';

/** Records of varied style: plain words, list-like answers, assistant boilerplate, empty ones. */
function records(n: number): { text: string; source: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const source = `s${i % 3}`;
    if (i % 17 === 5)
      return { text: `As an AI language model, I cannot answer ${words(i, 8)}.`, source };
    if (i % 29 === 3) return { text: '', source };
    if (i % 3 === 1)
      return {
        text: `Certainly! Here are the steps:\n\n1. ${words(i, 9)}.\n2. ${words(i + 1, 11)}.\n\nIn conclusion, ${words(i + 3, 12)}.`,
        source,
      };
    return {
      text: `${words(i, 6 + (i % 40))}, ${words(i * 7, 3)}? ${words(i * 3, 5 + (i % 9))}`,
      source,
    };
  });
}

const LINES = jsonl(records(900));
const part = (from: number, to?: number) =>
  `${LINES.trim().split('\n').slice(from, to).join('\n')}\n`;
const fields = { text: 'text', source: 'source' };
const fold = async (text: string | Uint8Array, options: Record<string, unknown> = {}) =>
  (await analyze(text, { fields, ...options })).partial;
const total = (xs: readonly number[]) => xs.reduce((s, c) => s + c, 0);
const bytes = (x: AnalysisPartial) => Buffer.concat(serializePartial(x));
const json = (p: AnalysisPartial) => JSON.stringify(finalize(p, { now: NOW }));

describe('style sampling rate', () => {
  it('is 1 up to the bound and the bound over the estimated record count above it', () => {
    const atBound = STYLE_SAMPLE_BOUND * STYLE_BYTES_PER_RECORD;
    expect(styleRate(0)).toBe(1);
    expect(styleRate(atBound)).toBe(1);
    expect(styleRate(atBound * 8)).toBeCloseTo(1 / 8, 12);
    expect(styleRate(atBound * 8, true)).toBeCloseTo(1 / (8 * GZIP_RATIO), 12);
    expect(styleRate(atBound / GZIP_RATIO, true)).toBe(1);
  });
});

describe('keyed Bernoulli style sample', () => {
  it('below the bound gives byte-identical analysis JSON and partial to the unsampled path', async () => {
    const size = Buffer.byteLength(LINES);
    expect(styleRate(size)).toBe(1);
    const [sized, plain, sizedGz, plainGz] = await Promise.all([
      fold(LINES, { spotCheck: { key: 'key' }, sizeBytes: size }),
      fold(LINES, { spotCheck: { key: 'key' } }),
      fold(gz(LINES), { spotCheck: { key: 'key' }, sizeBytes: gz(LINES).length }),
      fold(gz(LINES), { spotCheck: { key: 'key' } }),
    ]);
    expect(sized.styleSampling).toBeUndefined();
    expect(json(sized)).toBe(json(plain));
    expect(bytes(sized).equals(bytes(plain))).toBe(true);
    expect(json(sizedGz)).toBe(json(plainGz));
    expect(finalize(sized, { now: NOW }).synthetic.sampling).toBeUndefined();
  });

  it('takes the rate from the stored size, counting gzip input as compressed', async () => {
    const size = 50 * 1024 * 1024;
    expect(styleRate(size)).toBe(1);
    expect(styleRate(size, true)).toBeLessThan(1);
    const [plain, packed] = await Promise.all([
      fold(LINES, { spotCheck: { key: 'key' }, sizeBytes: size }),
      fold(gz(LINES), { spotCheck: { key: 'key' }, sizeBytes: size }),
    ]);
    expect(plain.styleSampling).toBeUndefined();
    expect(packed.styleSampling).toEqual({
      keyId: expect.any(String),
      rate: styleRate(size, true),
      keyed: true,
    });
  });

  it('above the bound scores a keyed share of the records; markers and everything else stay', async () => {
    const [sampled, full] = await Promise.all([
      fold(LINES, { spotCheck: { key: 'key' }, styleRate: 0.3 }),
      fold(LINES, { spotCheck: { key: 'key' } }),
    ]);
    expect(sampled.styleSampling).toMatchObject({ rate: 0.3, keyed: true });
    const unmarked = unmarkedRecords(full);
    const scored = total(sampled.scores);
    // Bernoulli(0.3) of the records without markers: within 5 standard deviations
    const sd = Math.sqrt(unmarked * 0.3 * 0.7);
    expect(Math.abs(scored - 0.3 * unmarked)).toBeLessThan(5 * sd);
    // a sub-histogram of the full one: the same records score the same bins
    sampled.scores.forEach((c, i) => {
      expect(c).toBeLessThanOrEqual(full.scores[i] as number);
    });
    const [a, b] = [finalize(sampled, { now: NOW }), finalize(full, { now: NOW })];
    expect(a.synthetic.sampling).toEqual({ rate: 0.3, scored });
    expect(a.synthetic.markerRate).toBe(b.synthetic.markerRate);
    expect(a.synthetic.interval[1] - a.synthetic.interval[0]).toBeGreaterThan(0);
    // nothing else in the analysis changes
    const rest = (x: typeof a) => ({
      ...x,
      synthetic: null,
      spotCheck: null,
      findings: x.findings.filter((f) => f.id !== 'synthetic.estimate'),
      // per-source style estimates come from the sampled records; their marker rates stay
      bySource: x.bySource?.map((r) => ({
        ...r,
        synthetic: { ...r.synthetic, estimatedShare: 0 },
      })),
    });
    expect(JSON.stringify(rest(a))).toBe(JSON.stringify(rest(b)));
    // the strata sizes still count every record; the marker stratum and its pool are exact
    const sizes = (x: typeof a) => (x.spotCheck?.strata ?? []).map((t) => t.records);
    expect(total(sizes(a))).toBe(total(sizes(b)));
    expect(sizes(a)[4]).toBe(sizes(b)[4]);
    expect(sampled.spotPool?.strata[4]).toEqual(full.spotPool?.strata[4]);
    // the band pools hold scored records only
    const bandPool = (p: AnalysisPartial) =>
      (p.spotPool?.strata ?? []).slice(0, 4).reduce((s, x) => s + x.length, 0);
    expect(bandPool(sampled)).toBeLessThanOrEqual(scored);
    // a draw still gives the size asked for
    expect(drawSpotCheck(sampled, 60)).toHaveLength(60);
  });

  it('merges by addition: parts with the same key and rate equal the one pass', async () => {
    const options = { spotCheck: { key: 'key' }, styleRate: 0.25 };
    const [whole, a, b, c] = await Promise.all([
      fold(LINES, options),
      fold(part(0, 260), options),
      fold(part(260, 610), options),
      fold(part(610), options),
    ]);
    const merged = mergePartials(mergePartials(a, b), c);
    expect(merged.scores).toEqual(whole.scores);
    expect(bytes(merged).equals(bytes(whole))).toBe(true);
    expect(json(merged)).toBe(json(whole));
    expect(drawSpotCheck(merged, 100)).toEqual(drawSpotCheck(whole, 100));
    expect(deserializePartial(serializePartial(whole)).styleSampling).toEqual(whole.styleSampling);
  });

  it('is keyed: another key scores other records, and other keys or rates never merge', async () => {
    const [one, two, unkeyed] = await Promise.all([
      fold(LINES, { spotCheck: { key: 'key' }, styleRate: 0.3 }),
      fold(LINES, { spotCheck: { key: 'other' }, styleRate: 0.3 }),
      fold(LINES, { styleRate: 0.3 }),
    ]);
    expect(one.scores).not.toEqual(two.scores);
    expect(unkeyed.styleSampling?.keyed).toBe(false);
    const a = await fold(part(0, 260), { spotCheck: { key: 'key' }, styleRate: 0.3 });
    const b = await fold(part(260), { spotCheck: { key: 'other' }, styleRate: 0.3 });
    const c = await fold(part(260), { spotCheck: { key: 'key' }, styleRate: 0.2 });
    const d = await fold(part(260), { spotCheck: { key: 'key' } });
    for (const x of [b, c, d])
      expect(() => mergePartials(a, x)).toThrow(/style sampling|spot-check keys/);
  });

  it('refuses a rate outside (0, 1] and scores every record for a per-record stratum callback', async () => {
    await expect(fold(LINES, { styleRate: 0 })).rejects.toThrow(/styleRate/);
    await expect(fold(LINES, { styleRate: 1.5 })).rejects.toThrow(/styleRate/);
    const seen: (number | null)[] = [];
    const p = await fold(LINES, {
      spotCheck: { key: 'key' },
      styleRate: 0.3,
      onStratum: (_: number, s: number | null) => seen.push(s),
    });
    expect(p.styleSampling).toBeUndefined();
    expect(seen.every((s) => s === null || s >= 0)).toBe(true);
  });
});

describe('fitToPools', () => {
  it('moves counts beyond a short pool to strata with records left, keeping the total', () => {
    expect(fitToPools([5, 3, 2], [10, 10, 10])).toEqual([5, 3, 2]);
    expect(fitToPools([5, 8, 2], [10, 4, 10])).toEqual([7, 4, 4]);
    expect(fitToPools([5, 8, 2], [5, 4, 3])).toEqual([5, 4, 3]);
  });
});
