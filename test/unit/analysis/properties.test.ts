import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Analysis,
  type AnalysisPartial,
  finalize,
  mergePartials,
} from '../../../functions/core/analysis';
import { analyze, jsonl, NOW } from './helpers';

const VOCAB = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'echo',
  'fox',
  'golf',
  'hotel',
  'india',
  'juliet',
  'kilo',
  'lima',
];
const FIELDS = { text: 'text', label: 'label' };

const record = fc.record({
  text: fc
    .array(fc.constantFrom(...VOCAB), { minLength: 0, maxLength: 30 })
    .map((w) => w.join(' ')),
  label: fc.constantFrom('x', 'y', 'z'),
});
const records = fc.array(record, { minLength: 1, maxLength: 40 });

// A fixed mapping for generated records, some without a label: not a vendor's override to check.
const run = async (rs: unknown[]) =>
  (await analyze(jsonl(rs), { fields: FIELDS, checkMapping: false })).analysis;

function rates(a: Analysis) {
  return {
    exact: a.duplicates.exactRate,
    near: a.duplicates.nearRate,
    d1: a.diversity.distinct1,
    d2: a.diversity.distinct2,
    d3: a.diversity.distinct3,
    gzip: a.diversity.compressionRatio,
    mattr: a.diversity.mattr,
    selfRepetition: a.diversity.selfRepetition,
    marker: a.synthetic.markerRate,
    estimated: a.synthetic.estimatedShare,
    entropy: a.labels?.normalizedEntropy,
    conflicts: a.labels?.conflictRate,
  };
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed | 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    const j = (s >>> 8) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('analysis invariants (property-based)', () => {
  it('duplicating every record raises exactRate to at least 0.5', async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rs) => {
        const a = await run([...rs, ...rs]);
        expect(a.duplicates.exactRate).toBeGreaterThanOrEqual(0.5);
      }),
      { numRuns: 25 },
    );
  });

  it('shuffling records changes no rate', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.integer(), async (rs, seed) => {
        const a = rates(await run(rs));
        const b = rates(await run(shuffle(rs, seed)));
        for (const [k, v] of Object.entries(a))
          expect(b[k as keyof typeof b], k).toBeCloseTo(v ?? 0, 12);
      }),
      { numRuns: 25 },
    );
  });

  it('merging shards equals analyzing the whole, and merging is associative', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.nat(), fc.nat(), async (rs, x, y) => {
        const [i, j] = [x % (rs.length + 1), y % (rs.length + 1)].sort((p, q) => p - q) as [
          number,
          number,
        ];
        const part = async (s: unknown[]) =>
          (await analyze(s.length ? jsonl(s) : '', { fields: FIELDS }).catch(() => null))?.partial;
        const [a, b, c] = await Promise.all([
          part(rs.slice(0, i)),
          part(rs.slice(i, j)),
          part(rs.slice(j)),
        ]);
        const present = [a, b, c].filter(
          (p): p is AnalysisPartial => p !== undefined && p !== null,
        );
        const whole = await analyze(jsonl(rs), { fields: FIELDS });
        const merged = present.reduce((p, q) => mergePartials(p, q));
        expect(finalize(merged, { now: NOW })).toEqual(whole.analysis);
        const [p, q, r] = present;
        if (p && q && r) {
          expect(finalize(mergePartials(p, mergePartials(q, r)), { now: NOW })).toEqual(
            whole.analysis,
          );
        }
      }),
      { numRuns: 25 },
    );
  });

  it('keeps every rate a share in [0, 1] for arbitrary Unicode text', async () => {
    const anyText = fc.array(fc.record({ text: fc.string({ unit: 'binary', maxLength: 80 }) }), {
      minLength: 1,
      maxLength: 20,
    });
    await fc.assert(
      fc.asyncProperty(anyText, async (rs) => {
        const a = await run(rs);
        const shares = [
          a.duplicates.exactRate,
          a.duplicates.nearRate,
          a.diversity.distinct1,
          a.diversity.mattr,
          a.synthetic.markerRate,
          a.synthetic.estimatedShare,
          ...a.synthetic.interval,
          a.pii.recordShare,
        ];
        for (const x of shares) expect(x >= 0 && x <= 1, String(x)).toBe(true);
        expect(a.duplicates.nearRate).toBeGreaterThanOrEqual(a.duplicates.exactRate);
      }),
      { numRuns: 40 },
    );
  });
});
