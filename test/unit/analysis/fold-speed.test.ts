import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { finalize, foldSource, serializePartial } from '../../../functions/core/analysis';
import { estimateJaccard } from '../../../functions/core/analysis/hash/minhash';
import { BandTable } from '../../../functions/core/analysis/metrics/band-table';
import { findDuplicates, MAX_WALK } from '../../../functions/core/analysis/metrics/dedup';
import { UnionFind } from '../../../functions/core/analysis/metrics/union-find';
import { PARAMS } from '../../../functions/core/analysis/params';
import type { RecordIndex } from '../../../functions/core/analysis/partial/types';
import { styleRate } from '../../../functions/core/analysis/synthetic/sample';
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
