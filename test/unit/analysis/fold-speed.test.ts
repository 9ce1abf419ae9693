import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { finalize, foldSource, serializePartial } from '../../../functions/core/analysis';
import { estimateJaccard, lowBytes } from '../../../functions/core/analysis/hash/minhash';
import { BandTable } from '../../../functions/core/analysis/metrics/band-table';
import { dayOf, parseDate } from '../../../functions/core/analysis/metrics/dates';
import { findDuplicates, MAX_WALK } from '../../../functions/core/analysis/metrics/dedup';
import { UnionFind } from '../../../functions/core/analysis/metrics/union-find';
import { PARAMS } from '../../../functions/core/analysis/params';
import { createIndex } from '../../../functions/core/analysis/partial/record-index';
import type { RecordIndex } from '../../../functions/core/analysis/partial/types';
import { styleRate } from '../../../functions/core/analysis/synthetic/sample';
import { DistinctSet } from '../../../functions/core/analysis/text/distinct-set';
import { grams13 } from '../../../functions/core/analysis/text/grams';
import { chunked, gz, jsonl, NOW, words } from './helpers';

// The speed work on the fold (index allocated once from the size, one probe per band and record
// in the duplicate pass) must not change a byte of the partial or the analysis.

const edit = (text: string, at: number, word: string) => {
  const w = text.split(' ');
  w[at % w.length] = word;
  return w.join(' ');
};

/** Unique texts, exact repeats, near copies and short lines, with labels, sources and dates. */
function corpus(n: number): string {
  const records: unknown[] = [];
  const base = words(7, 60);
  for (let i = 0; i < n; i++) {
    const roll = i % 10;
    const text =
      roll === 0
        ? base
        : roll === 1
          ? edit(base, i, `w${i}`)
          : roll === 2
            ? `short line ${i % 7}`
            : words(100 + i, 20 + (i % 70));
    records.push({
      text,
      label: ['a', 'b', 'c'][i % 3],
      source: `s${i % 4}`,
      created_at: `2024-0${1 + (i % 9)}-1${i % 10}`,
    });
  }
  return jsonl(records);
}

const digest = (chunks: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const c of chunks) h.update(c);
  return h.digest('hex');
};

async function foldBoth(data: string | Uint8Array, size: number, gzip: boolean, limits = {}) {
  const common = { fileName: 'sample.jsonl', spotCheck: { key: 'speed-key' }, limits };
  // sizeBytes reserves the index up front; the same rate without it grows the index as it goes
  const sized = await foldSource(chunked(data, 4096), { ...common, sizeBytes: size });
  const grown = await foldSource(chunked(data, 4096), {
    ...common,
    styleRate: styleRate(size, gzip),
  });
  return { sized, grown };
}

describe('fold speed work keeps the output', () => {
  it('folds a source of known size to the same bytes as one that grows its index', async () => {
    const text = corpus(3000);
    const { sized, grown } = await foldBoth(text, 2e9, false);
    expect(sized.index.ids.length).toBeGreaterThan(grown.index.ids.length);
    expect(sized.styleSampling?.rate).toBeLessThan(1);
    expect(digest(serializePartial(sized))).toBe(digest(serializePartial(grown)));
    expect(JSON.stringify(finalize(sized, { now: NOW }))).toBe(
      JSON.stringify(finalize(grown, { now: NOW })),
    );
  });

  it('keeps the bytes when the caps sample the index, gzip included', async () => {
    const data = gz(corpus(3000));
    const limits = { maxIndexedRecords: 700, maxGramHashes: 6000 };
    const { sized, grown } = await foldBoth(data, 5e8, true, limits);
    expect(sized.index.sampleBits).toBeGreaterThan(0);
    expect(sized.index.gramBits).toBeGreaterThan(0);
    expect(digest(serializePartial(sized))).toBe(digest(serializePartial(grown)));
  });
});

/** The duplicate pass as it was: look the bucket up, walk it, then insert (two probes). */
function reference(ix: RecordIndex, threshold: number) {
  const n = ix.n;
  const uf = new UnionFind(n);
  const firstOf = new Int32Array(n).fill(-1);
  const seen = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const key = `${ix.keyLo[r]},${ix.keyHi[r]}`;
    const e = seen.get(key);
    if (e === undefined) seen.set(key, r);
    else {
      firstOf[r] = e;
      uf.union(r, e);
    }
  }
  let truncated = 0;
  const table = new BandTable(ix.bands, n);
  for (let band = 0; band < PARAMS.bands; band++) {
    table.reset(band);
    for (let r = 0; r < n; r++) {
      if ((firstOf[r] as number) >= 0) continue;
      let j = table.first(ix.bands[r * PARAMS.bands + band] as number);
      let steps = 0;
      while (j >= 0) {
        if (steps++ === MAX_WALK) {
          truncated++;
          break;
        }
        if (uf.find(j) !== uf.find(r) && estimateJaccard(ix.sigs, r, ix.sigs, j) >= threshold)
          uf.union(r, j);
        j = table.next[j] as number;
      }
      table.insert(r);
    }
  }
  return { truncated, roots: Array.from({ length: n }, (_, r) => uf.find(r)) };
}

describe('findDuplicates', () => {
  it('joins the same records as a lookup-then-insert pass, truncated walks included', async () => {
    // 300 near copies of one text share most bands: buckets outgrow the walk bound
    const base = words(3, 50);
    const records = Array.from({ length: 400 }, (_, i) => ({
      text: i % 4 === 3 ? words(500 + i, 50) : edit(base, i * 7, `v${i}`),
    }));
    const p = await foldSource(chunked(jsonl(records)), { fileName: 'sample.jsonl' });
    for (const threshold of [0.8, 0.95]) {
      const dup = findDuplicates(p.index, threshold);
      const ref = reference(p.index, threshold);
      expect(dup.truncatedWalks).toBe(ref.truncated);
      expect(dup.truncatedWalks).toBeGreaterThan(0);
      const roots = new Set(ref.roots);
      expect(dup.nearRate).toBe((p.index.n - roots.size) / p.index.n);
      expect(Array.from(dup.repeats)).toEqual(
        ref.roots.map((root, r) => (ref.roots.indexOf(root) < r ? 1 : 0)),
      );
    }
  });
});

/** Both 13-gram hashes of every window summed directly (no rolling), kept as `grams13` keeps them. */
function referenceGrams(words: Int32Array, bits: number): number[] {
  const mix = (h: number) => {
    let x = h ^ (h >>> 16);
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    return (x ^ (x >>> 16)) | 0;
  };
  const out: number[] = [];
  const W = PARAMS.contaminationWords;
  for (let i = 0; i + W <= words.length; i++) {
    let h1 = 0;
    let h2 = 0;
    for (let k = i; k < i + W; k++) {
      h1 = (Math.imul(h1, 0x01000193) + (words[k] as number)) | 0;
      h2 = (Math.imul(h2, 0x5bd1e995) + ((words[k] as number) ^ 0x2545f491)) | 0;
    }
    const a = mix(h1);
    if ((a & ((1 << bits) - 1)) === 0) out.push(a, mix(h2 ^ 0x68e31da4));
  }
  return out;
}

describe('hot-path kernels', () => {
  it('grams13 keeps the windows and hashes of a direct computation at every sampling level', () => {
    let s = 12345;
    const rand = () => {
      s = (Math.imul(s, 1103515245) + 12345) | 0;
      return s ^ (s >>> 7);
    };
    for (const n of [0, 12, 13, 14, 40, 300]) {
      const words = Int32Array.from({ length: n }, () => rand());
      for (let bits = 0; bits <= 4; bits++) {
        const ix = createIndex(4, 4);
        ix.gramBits = bits;
        grams13(words, n, ix);
        grams13(words, n, ix);
        const once = referenceGrams(words, bits);
        expect(Array.from(ix.grams.subarray(0, ix.gramCount * 2))).toEqual([...once, ...once]);
      }
    }
  });

  it('lowBytes writes the low byte of every slot, word-aligned or not', () => {
    const mins = Int32Array.from({ length: PARAMS.permutations }, (_, i) =>
      Math.imul(i + 1, 0x9e3779b1),
    );
    const expected = Array.from(mins, (m) => m & 0xff);
    const whole = new Uint8Array(PARAMS.permutations * 3 + 8);
    for (const [out, offset] of [
      [whole, 0],
      [whole, PARAMS.permutations + 4],
      [whole, 3],
      [whole.subarray(2), 6],
    ] as const) {
      out.fill(7);
      lowBytes(mins, out, offset);
      expect(Array.from(out.subarray(offset, offset + PARAMS.permutations))).toEqual(expected);
      expect(out[offset - 1] ?? 7).toBe(7);
      expect(out[offset + PARAMS.permutations]).toBe(7);
    }
  });

  it('DistinctSet keeps the first occurrence of each value in order, across records and sizes', () => {
    const set = new DistinctSet();
    for (const n of [5, 300, 3000, 40]) {
      const values = Int32Array.from({ length: n }, (_, i) =>
        Math.imul((i * 7) % (n >> 1 || 1), 0x9e3779b1),
      );
      const expected = [...new Set(values)];
      const count = set.dedupe(values, n);
      expect(Array.from(values.subarray(0, count))).toEqual(expected);
    }
  });

  it('counts creation days as parsing every record would, repeated and unparseable strings included', async () => {
    const values = [
      '2024-01-05',
      'not a date',
      '2024-01-05',
      1.7e9,
      '05/01/2024',
      'not a date',
      ' 2024-01-05 ',
    ];
    const records = Array.from({ length: 70 }, (_, i) => ({
      text: words(i, 12),
      created_at: values[i % values.length],
    }));
    const p = await foldSource(chunked(jsonl(records)), { fileName: 'sample.jsonl' });
    const expected = new Map<number, number>();
    let unparseable = 0;
    for (const r of records) {
      const t = parseDate(r.created_at);
      if (t === null) unparseable++;
      else expected.set(dayOf(t), (expected.get(dayOf(t)) ?? 0) + 1);
    }
    expect(p.dates.unparseable).toBe(unparseable);
    expect(unparseable).toBe(20);
    expect([...p.dates.days].sort((a, b) => a[0] - b[0])).toEqual(
      [...expected].sort((a, b) => a[0] - b[0]),
    );
  });
});
