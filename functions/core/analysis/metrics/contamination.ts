import { estimateJaccard } from '../hash/minhash';
import { PARAMS } from '../params';
import type { RecordIndex } from '../partial/types';
import { BandTable } from './band-table';
import { MAX_WALK } from './dedup';
import { tableSize } from './union-find';

const B = PARAMS.bands;

/** How much of a holdout sample also appears in training. Rates are shares of indexed holdout records. */
export interface Contamination {
  overlapRate: number;
  exactRate: number;
  nearRate: number;
  ngramRate: number;
  meanCoverage: number;
  gramSamplingRate: number;
  examples: number[];
}

const EXACT = 1;
const NEAR = 2;
const NGRAM = 4;

function keySet(ix: RecordIndex): (lo: number, hi: number) => boolean {
  const size = tableSize(ix.n);
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let r = 0; r < ix.n; r++) {
    let slot = Math.imul(ix.keyLo[r] as number, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      if (table[slot] === 0) {
        table[slot] = r + 1;
        break;
      }
      slot++;
    }
  }
  return (lo, hi) => {
    let slot = Math.imul(lo, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      const e = (table[slot] as number) - 1;
      if (e < 0) return false;
      if (ix.keyLo[e] === lo && ix.keyHi[e] === hi) return true;
      slot++;
    }
  };
}

function gramSet(ix: RecordIndex, mask: number): (a: number, b: number) => boolean {
  const size = tableSize(ix.gramCount);
  const table = new Int32Array(size);
  const tmask = size - 1;
  const g = ix.grams;
  for (let i = 0; i < ix.gramCount; i++) {
    const a = g[i * 2] as number;
    if ((a & mask) !== 0) continue;
    let slot = Math.imul(a, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= tmask;
      const e = (table[slot] as number) - 1;
      if (e < 0) {
        table[slot] = i + 1;
        break;
      }
      if (g[e * 2] === a && g[e * 2 + 1] === g[i * 2 + 1]) break;
      slot++;
    }
  }
  return (a, b) => {
    let slot = Math.imul(a, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= tmask;
      const e = (table[slot] as number) - 1;
      if (e < 0) return false;
      if (g[e * 2] === a && g[e * 2 + 1] === b) return true;
      slot++;
    }
  };
}

/**
 * Holdout records that duplicate a training record exactly, nearly (MinHash-LSH, as for duplicates),
 * or share a 13-word n-gram with training. Coverage is the share of a holdout record's sampled
 * 13-grams found in training: near 1 for copies, small for incidental overlap.
 */
export function findContamination(
  train: RecordIndex,
  hold: RecordIndex,
  threshold: number,
): Contamination {
  const flags = new Uint8Array(hold.n);
  const inTrain = keySet(train);
  for (let h = 0; h < hold.n; h++) {
    if (inTrain(hold.keyLo[h] as number, hold.keyHi[h] as number)) flags[h] = EXACT;
  }
  const table = new BandTable(train.bands, train.n);
  for (let band = 0; band < B; band++) {
    table.reset(band);
    for (let t = 0; t < train.n; t++) table.insert(t);
    for (let h = 0; h < hold.n; h++) {
      if (flags[h] !== 0) continue;
      let t = table.first(hold.bands[h * B + band] as number);
      for (let steps = 0; t >= 0 && steps < MAX_WALK; steps++) {
        if (estimateJaccard(hold.sigs, h, train.sigs, t) >= threshold) {
          flags[h] = NEAR;
          break;
        }
        t = table.next[t] as number;
      }
    }
  }
  const bits = Math.max(train.gramBits, hold.gramBits);
  const mask = (1 << bits) - 1;
  const inGrams = gramSet(train, mask);
  let covered = 0;
  let coverageSum = 0;
  let start = 0;
  for (let h = 0; h < hold.n; h++) {
    const end = hold.gramEnds[h] as number;
    let total = 0;
    let found = 0;
    for (let g = start; g < end; g++) {
      const a = hold.grams[g * 2] as number;
      if ((a & mask) !== 0) continue;
      total++;
      if (inGrams(a, hold.grams[g * 2 + 1] as number)) found++;
    }
    start = end;
    if (found > 0) flags[h] = (flags[h] as number) | NGRAM;
    if (total > 0) {
      covered++;
      coverageSum += found / total;
    }
  }
  return summarize(hold, flags, covered ? coverageSum / covered : 0, 2 ** -bits);
}

function summarize(
  hold: RecordIndex,
  flags: Uint8Array,
  meanCoverage: number,
  gramSamplingRate: number,
): Contamination {
  let any = 0;
  let exact = 0;
  let near = 0;
  let ngram = 0;
  const examples: number[] = [];
  for (let h = 0; h < hold.n; h++) {
    const f = flags[h] as number;
    if (f === 0) continue;
    any++;
    if (f & EXACT) exact++;
    if (f & (EXACT | NEAR)) near++;
    if (f & NGRAM) ngram++;
    if (examples.length < 10) examples.push(hold.ids[h] as number);
  }
  const n = hold.n || 1;
  return {
    overlapRate: any / n,
    exactRate: exact / n,
    nearRate: near / n,
    ngramRate: ngram / n,
    meanCoverage,
    gramSamplingRate,
    examples,
  };
}
