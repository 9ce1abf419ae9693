import { fmix32 } from '../hash/mix';
import { PARAMS } from '../params';
import type { RecordIndex } from './types';

const B = PARAMS.bands;
const K = PARAMS.permutations;
const SAMPLE_SALT = 0x2f1b_c3a5;

/** The hash that decides whether a record is indexed once sampling starts (same for equal texts). */
export function sampleHash(keyLo: number): number {
  return fmix32(keyLo ^ SAMPLE_SALT);
}

/** An empty index with room for `capacity` records. */
export function createIndex(capacity = 1024, gramCapacity = 16384): RecordIndex {
  return {
    n: 0,
    ids: new Uint32Array(capacity),
    keyLo: new Int32Array(capacity),
    keyHi: new Int32Array(capacity),
    bands: new Int32Array(capacity * B),
    sigs: new Uint8Array(capacity * K),
    labels: new Int32Array(capacity),
    gramEnds: new Uint32Array(capacity),
    grams: new Int32Array(gramCapacity * 2),
    gramCount: 0,
    sampleBits: 0,
    gramBits: 0,
    sources: new Int32Array(capacity),
  };
}

function grow<T extends Int32Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  let cap = Math.max(16, a.length);
  while (cap < size) cap *= 2;
  const next = new (a.constructor as new (n: number) => T)(cap);
  next.set(a);
  return next;
}

/** Bytes per word assumed when the 13-gram count is estimated from a size (words are ~6 bytes). */
const BYTES_PER_GRAM = 6;
/** Gram pairs reserved past the cap: one record's grams land before the cap is enforced. */
const GRAM_HEADROOM = 65_536;

/**
 * Reserves, before the pass, room for the records and 13-gram hashes a source of `bytes`
 * uncompressed bytes (about `records` records) will index, up to the caps, so the arrays are
 * allocated once instead of doubled tens of times (each doubling copies and faults in fresh
 * memory). Untouched reserved pages cost no resident memory. Never shrinks; contents are kept.
 */
export function reserveIndex(
  ix: RecordIndex,
  records: number,
  bytes: number,
  limits: { maxIndexedRecords: number; maxGramHashes: number },
): void {
  const share = 2 ** -ix.sampleBits;
  const r = Math.ceil(Math.min(records * share, limits.maxIndexedRecords) + 1);
  if (r > ix.ids.length) {
    ix.ids = resize(ix.ids, r);
    ix.keyLo = resize(ix.keyLo, r);
    ix.keyHi = resize(ix.keyHi, r);
    ix.labels = resize(ix.labels, r);
    ix.sources = resize(ix.sources, r);
    ix.gramEnds = resize(ix.gramEnds, r);
    ix.bands = resize(ix.bands, r * B);
    ix.sigs = resize(ix.sigs, r * K);
  }
  const grams = Math.ceil(Math.min((bytes / BYTES_PER_GRAM) * share, limits.maxGramHashes));
  if ((grams + GRAM_HEADROOM) * 2 > ix.grams.length)
    ix.grams = resize(ix.grams, (grams + GRAM_HEADROOM) * 2);
}

function resize<T extends Int32Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a.subarray(0, Math.min(a.length, size)));
  return next;
}

/** Makes room for one more record. */
export function reserveRecord(ix: RecordIndex): void {
  const need = ix.n + 1;
  if (need <= ix.ids.length) return;
  ix.ids = grow(ix.ids, need);
  ix.keyLo = grow(ix.keyLo, need);
  ix.keyHi = grow(ix.keyHi, need);
  ix.labels = grow(ix.labels, need);
  ix.sources = grow(ix.sources, need);
  ix.gramEnds = grow(ix.gramEnds, need);
  ix.bands = grow(ix.bands, ix.ids.length * B);
  ix.sigs = grow(ix.sigs, ix.ids.length * K);
}

/** Makes room for `extra` more gram pairs. */
export function reserveGrams(ix: RecordIndex, extra: number): void {
  ix.grams = grow(ix.grams, (ix.gramCount + extra) * 2);
}

/** Keeps only the records (and their grams) whose sample hash passes `bits`; order is preserved. */
export function resample(ix: RecordIndex, bits: number): void {
  const mask = bits >= 32 ? -1 : (1 << bits) - 1;
  let w = 0;
  let gw = 0;
  let gStart = 0;
  for (let r = 0; r < ix.n; r++) {
    const gEnd = ix.gramEnds[r] as number;
    if ((sampleHash(ix.keyLo[r] as number) & mask) === 0) {
      ix.ids[w] = ix.ids[r] as number;
      ix.keyLo[w] = ix.keyLo[r] as number;
      ix.keyHi[w] = ix.keyHi[r] as number;
      ix.labels[w] = ix.labels[r] as number;
      ix.sources[w] = ix.sources[r] as number;
      ix.bands.copyWithin(w * B, r * B, (r + 1) * B);
      ix.sigs.copyWithin(w * K, r * K, (r + 1) * K);
      ix.grams.copyWithin(gw * 2, gStart * 2, gEnd * 2);
      gw += gEnd - gStart;
      ix.gramEnds[w] = gw;
      w++;
    }
    gStart = gEnd;
  }
  ix.n = w;
  ix.gramCount = gw;
  ix.sampleBits = bits;
}

/** Keeps only gram hashes whose `a` has `bits` low zero bits. */
export function resampleGrams(ix: RecordIndex, bits: number): void {
  const mask = (1 << bits) - 1;
  let gw = 0;
  let gStart = 0;
  for (let r = 0; r < ix.n; r++) {
    const gEnd = ix.gramEnds[r] as number;
    for (let g = gStart; g < gEnd; g++) {
      const a = ix.grams[g * 2] as number;
      if ((a & mask) !== 0) continue;
      ix.grams[gw * 2] = a;
      ix.grams[gw * 2 + 1] = ix.grams[g * 2 + 1] as number;
      gw++;
    }
    ix.gramEnds[r] = gw;
    gStart = gEnd;
  }
  ix.gramCount = gw;
  ix.gramBits = bits;
}

/** Applies the caps: raises the sampling rates until the index fits `maxRecords` and `maxGrams`. */
export function enforceCaps(ix: RecordIndex, maxRecords: number, maxGrams: number): void {
  while (ix.n > maxRecords) resample(ix, ix.sampleBits + 1);
  while (ix.gramCount > maxGrams) resampleGrams(ix, ix.gramBits + 1);
}

/** Appends `b` (record ids shifted by `idOffset`, label ids mapped through `labelMap`) to a copy of `a`. */
export function concatIndex(
  a: RecordIndex,
  b: RecordIndex,
  idOffset: number,
  labelMap: Int32Array,
  sourceMap: (id: number) => number = (id) => id,
): RecordIndex {
  const ix = createIndex(a.n + b.n + 1, a.gramCount + b.gramCount + 1);
  ix.ids.set(a.ids.subarray(0, a.n));
  ix.keyLo.set(a.keyLo.subarray(0, a.n));
  ix.keyHi.set(a.keyHi.subarray(0, a.n));
  ix.labels.set(a.labels.subarray(0, a.n));
  ix.sources.set(a.sources.subarray(0, a.n));
  ix.bands.set(a.bands.subarray(0, a.n * B));
  ix.sigs.set(a.sigs.subarray(0, a.n * K));
  ix.gramEnds.set(a.gramEnds.subarray(0, a.n));
  ix.grams.set(a.grams.subarray(0, a.gramCount * 2));
  for (let r = 0; r < b.n; r++) {
    const w = a.n + r;
    ix.ids[w] = (b.ids[r] as number) + idOffset;
    ix.keyLo[w] = b.keyLo[r] as number;
    ix.keyHi[w] = b.keyHi[r] as number;
    ix.gramEnds[w] = (b.gramEnds[r] as number) + a.gramCount;
    const label = b.labels[r] as number;
    ix.labels[w] = label < 0 ? label : (labelMap[label] as number);
    ix.sources[w] = sourceMap(b.sources[r] as number);
  }
  ix.bands.set(b.bands.subarray(0, b.n * B), a.n * B);
  ix.sigs.set(b.sigs.subarray(0, b.n * K), a.n * K);
  ix.grams.set(b.grams.subarray(0, b.gramCount * 2), a.gramCount * 2);
  ix.n = a.n + b.n;
  ix.gramCount = a.gramCount + b.gramCount;
  ix.sampleBits = Math.max(a.sampleBits, b.sampleBits);
  ix.gramBits = Math.max(a.gramBits, b.gramBits);
  if (ix.sampleBits > 0) resample(ix, ix.sampleBits);
  if (ix.gramBits > 0) resampleGrams(ix, ix.gramBits);
  return ix;
}
