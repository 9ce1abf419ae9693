import { estimateJaccard } from '../hash/minhash';
import { PARAMS } from '../params';
import type { RecordIndex } from '../partial/types';
import { BandSorter } from './band-sort';
import { tableSize, UnionFind } from './union-find';

const B = PARAMS.bands;
/** Bucket members compared per record and band; bounds the work on huge clusters. */
export const MAX_WALK = 64;
const MAX_CLUSTERS = 20;
const CLUSTER_EXAMPLES = 5;

/** Duplicate structure of an index. Rates are shares of indexed records. */
export interface Duplicates {
  exactRate: number;
  nearRate: number;
  conflictRate: number;
  clusters: { size: number; examples: number[] }[];
  clusterCount: number;
  truncatedWalks: number;
  /**
   * Per indexed record: 2 when it repeats an earlier record's exact text, 1 when it is a near
   * duplicate of an earlier record (not the first of its cluster), 0 otherwise.
   */
  repeats: Uint8Array;
}

/** Marks records whose (keyLo, keyHi) equals an earlier record's; returns the earlier position or -1. */
export function exactMatches(ix: RecordIndex): Int32Array {
  const size = tableSize(ix.n);
  const table = new Int32Array(size);
  const mask = size - 1;
  const firstOf = new Int32Array(ix.n);
  for (let r = 0; r < ix.n; r++) {
    const lo = ix.keyLo[r] as number;
    const hi = ix.keyHi[r] as number;
    let slot = Math.imul(lo, 0x9e3779b1) >>> 0;
    firstOf[r] = -1;
    for (;;) {
      slot &= mask;
      const e = (table[slot] as number) - 1;
      if (e < 0) {
        table[slot] = r + 1;
        break;
      }
      if (ix.keyLo[e] === lo && ix.keyHi[e] === hi) {
        firstOf[r] = e;
        break;
      }
      slot++;
    }
  }
  return firstOf;
}

/**
 * Exact duplicates by normalized-text key, then near duplicates by MinHash-LSH: records sharing a
 * band are compared (each with up to MAX_WALK of the latest earlier ones per band; bands grouped
 * by a radix sort) on their 8-bit signatures and joined when the
 * estimated Jaccard reaches `threshold`. Clusters are the connected sets; nearRate counts every
 * member but the first of each cluster, so it does not depend on record order.
 */
export function findDuplicates(ix: RecordIndex, threshold: number): Duplicates {
  const n = ix.n;
  const uf = new UnionFind(n);
  const firstOf = exactMatches(ix);
  let exact = 0;
  for (let r = 0; r < n; r++) {
    const e = firstOf[r] as number;
    if (e >= 0) {
      exact++;
      uf.union(r, e);
    }
  }
  // the records that enter the bands: exact repeats are already joined to their first copy
  const members = new Int32Array(Math.max(1, n - exact));
  let m = 0;
  for (let r = 0; r < n; r++) if ((firstOf[r] as number) < 0) members[m++] = r;
  let truncatedWalks = 0;
  const sorter = new BandSorter(m);
  for (let band = 0; band < B; band++) {
    sorter.sort(ix.bands, band, members, m);
    const { keys, records } = sorter;
    // each record meets the up to MAX_WALK latest earlier records of its bucket, newest first
    let start = 0;
    for (let i = 0; i < m; i++) {
      if (i > 0 && keys[i] !== keys[i - 1]) start = i;
      const r = records[i] as number;
      if (i - start > MAX_WALK) truncatedWalks++;
      const last = Math.max(start, i - MAX_WALK);
      for (let p = i - 1; p >= last; p--) {
        const j = records[p] as number;
        if (uf.find(j) !== uf.find(r) && estimateJaccard(ix.sigs, r, ix.sigs, j) >= threshold)
          uf.union(r, j);
      }
    }
  }
  return summarize(ix, uf, exact, truncatedWalks, firstOf);
}

function summarize(
  ix: RecordIndex,
  uf: UnionFind,
  exact: number,
  truncatedWalks: number,
  firstOf: Int32Array,
): Duplicates {
  const n = ix.n;
  const repeats = new Uint8Array(n);
  const size = new Int32Array(n);
  const firstLabel = new Int32Array(n).fill(-2);
  const conflict = new Uint8Array(n);
  let roots = 0;
  for (let r = 0; r < n; r++) {
    const root = uf.find(r);
    if (root === r) roots++;
    if ((size[root] as number) > 0) repeats[r] = (firstOf[r] as number) >= 0 ? 2 : 1;
    size[root] = (size[root] as number) + 1;
    const label = ix.labels[r] as number;
    if (label < 0) continue;
    if (firstLabel[root] === -2) firstLabel[root] = label;
    else if (firstLabel[root] !== label) conflict[root] = 1;
  }
  const groups: { root: number; size: number }[] = [];
  let conflicting = 0;
  for (let r = 0; r < n; r++) {
    const s = size[r] as number;
    if (s < 2) continue;
    groups.push({ root: r, size: s });
    if (conflict[r]) conflicting += s;
  }
  groups.sort((a, b) => b.size - a.size || a.root - b.root);
  const top = groups.slice(0, MAX_CLUSTERS);
  const examples = new Map(top.map((g) => [g.root, [] as number[]]));
  for (let r = 0; r < n && examples.size > 0; r++) {
    const list = examples.get(uf.find(r));
    if (list && list.length < CLUSTER_EXAMPLES) list.push(ix.ids[r] as number);
  }
  return {
    exactRate: n ? exact / n : 0,
    nearRate: n ? (n - roots) / n : 0,
    conflictRate: n ? conflicting / n : 0,
    clusters: top.map((g) => ({ size: g.size, examples: examples.get(g.root) ?? [] })),
    clusterCount: groups.length,
    truncatedWalks,
    repeats,
  };
}
