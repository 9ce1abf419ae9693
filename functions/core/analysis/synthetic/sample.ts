import { createHmac } from 'node:crypto';
import { fmix32 } from '../hash/mix';

/**
 * Records the style model scores at most, chosen by keyed hash (bottom-k). The 95 % bootstrap
 * width of the adjusted share is at most 0.76 points at 131,072 scored records (0.73 at a 30 %
 * share, 0.56 at 5 %), so scoring more would narrow an interval that already carries ±51 points of
 * cross-domain allowance by less than one point; `scripts/style-sample-width.ts` measures it.
 */
export const STYLE_SAMPLE_BOUND = 131_072;

/**
 * The keyed style sample of a partial: the `bound` records without markers whose keyed hash of
 * their normalized text is smallest, as parallel arrays (hash, record index, histogram bin). The
 * partial's `scores` are exactly the histogram of these records, so merging two partials keeps the
 * `bound` smallest of the union and rebuilds it. Below the bound every record is in it.
 */
export interface StyleSample {
  /** Fingerprint of the key (never the key itself): partials of different keys never merge. */
  keyId: string;
  bound: number;
  /** Records without markers (and with text) seen, scored or not. */
  records: number;
  hashes: number[];
  indexes: number[];
  bins: number[];
}

/** The 64-bit style-sample key derived from the sample's spot-check secret (HMAC, own label). */
export function styleSampleKey(drawKey: string): { k0: number; k1: number; keyId: string } {
  const d = createHmac('sha256', drawKey).update('diligence style-sample').digest();
  return { k0: d.readInt32LE(0), k1: d.readInt32LE(4), keyId: d.toString('hex', 8, 16) };
}

/** An empty sample for `drawKey`. */
export const createStyleSample = (drawKey: string, bound = STYLE_SAMPLE_BOUND): StyleSample => ({
  keyId: styleSampleKey(drawKey).keyId,
  bound,
  records: 0,
  hashes: [],
  indexes: [],
  bins: [],
});

/** A record's keyed hash (unsigned 32 bits) from its 64-bit content key. */
export const keyedHash = (k0: number, k1: number, keyLo: number, keyHi: number): number =>
  fmix32(fmix32(keyLo ^ k0) ^ keyHi ^ k1) >>> 0;

const before = (s: StyleSample, i: number, j: number): boolean => {
  const a = s.hashes[i] as number;
  const b = s.hashes[j] as number;
  return a < b || (a === b && (s.indexes[i] as number) < (s.indexes[j] as number));
};

function swap(s: StyleSample, i: number, j: number): void {
  for (const a of [s.hashes, s.indexes, s.bins]) {
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
}

function siftDown(s: StyleSample, i: number): void {
  const n = s.hashes.length;
  for (;;) {
    const l = 2 * i + 1;
    let top = i;
    if (l < n && before(s, top, l)) top = l;
    if (l + 1 < n && before(s, top, l + 1)) top = l + 1;
    if (top === i) return;
    swap(s, i, top);
    i = top;
  }
}

/** Orders the arrays as a max-heap on (hash, index), the form `offerStyle` keeps while folding. */
export function heapify(s: StyleSample): void {
  for (let i = (s.hashes.length >> 1) - 1; i >= 0; i--) siftDown(s, i);
}

/** True when a record with (hash, index) enters a heap-ordered sample. */
export function wantsStyle(s: StyleSample, hash: number, index: number): boolean {
  if (s.hashes.length < s.bound) return true;
  const top = s.hashes[0] as number;
  return hash < top || (hash === top && index < (s.indexes[0] as number));
}

/**
 * Adds a record that `wantsStyle` accepted; returns the histogram bin it evicted (−1: none). The
 * caller keeps `scores` equal to the histogram of the sample.
 */
export function offerStyle(s: StyleSample, hash: number, index: number, bin: number): number {
  if (s.hashes.length < s.bound) {
    let i = s.hashes.length;
    s.hashes.push(hash);
    s.indexes.push(index);
    s.bins.push(bin);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(s, parent, i)) break;
      swap(s, i, parent);
      i = parent;
    }
    return -1;
  }
  const evicted = s.bins[0] as number;
  s.hashes[0] = hash;
  s.indexes[0] = index;
  s.bins[0] = bin;
  siftDown(s, 0);
  return evicted;
}

/** Sorts the sample by (hash, index): the canonical order a finished or merged partial stores. */
export function sortStyle(s: StyleSample): StyleSample {
  const order = s.hashes.map((_, i) => i);
  order.sort(
    (i, j) =>
      (s.hashes[i] as number) - (s.hashes[j] as number) ||
      (s.indexes[i] as number) - (s.indexes[j] as number),
  );
  return {
    ...s,
    hashes: order.map((i) => s.hashes[i] as number),
    indexes: order.map((i) => s.indexes[i] as number),
    bins: order.map((i) => s.bins[i] as number),
  };
}

/**
 * Merges the samples of two consecutive parts (`b`'s indexes shift by `offset`) and returns the
 * merged sample with its histogram over `bins` bins.
 */
export function mergeStyleSamples(
  a: StyleSample,
  b: StyleSample,
  offset: number,
  bins: number,
): { sample: StyleSample; scores: number[] } {
  if (a.keyId !== b.keyId || a.bound !== b.bound)
    throw new Error('cannot merge partials folded with different style-sample keys');
  const all = sortStyle({
    ...a,
    records: a.records + b.records,
    hashes: [...a.hashes, ...b.hashes],
    indexes: [...a.indexes, ...b.indexes.map((i) => i + offset)],
    bins: [...a.bins, ...b.bins],
  });
  const sample = {
    ...all,
    hashes: all.hashes.slice(0, a.bound),
    indexes: all.indexes.slice(0, a.bound),
    bins: all.bins.slice(0, a.bound),
  };
  const scores = new Array<number>(bins).fill(0);
  for (const bin of sample.bins) scores[bin] = (scores[bin] as number) + 1;
  return { sample, scores };
}

/** Records without markers that the style model did not score (0 below the bound). */
export const unscoredRecords = (s: StyleSample | undefined): number =>
  s ? s.records - s.hashes.length : 0;
