import { fmix32 } from '../hash/mix';
import { PARAMS } from '../params';
import { reserveGrams } from '../partial/record-index';
import type { RecordIndex } from '../partial/types';

const W = PARAMS.contaminationWords;
const B1 = 0x01000193;
const B2 = 0x5bd1e995;

function power(base: number, exp: number): number {
  let r = 1;
  for (let i = 0; i < exp; i++) r = Math.imul(r, base);
  return r;
}
const P1 = power(B1, W);
const P2 = power(B2, W);

/**
 * Appends the sampled 13-word n-gram hashes of `words[0..n)` to the index: two rolling polynomial
 * hashes (64 bits together), kept when the first has `gramBits` low zero bits.
 */
export function grams13(words: Int32Array, n: number, ix: RecordIndex): void {
  if (n < W) return;
  reserveGrams(ix, n - W + 1);
  const grams = ix.grams;
  const mask = (1 << ix.gramBits) - 1;
  let count = ix.gramCount;
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i] as number;
    h1 = (Math.imul(h1, B1) + w) | 0;
    h2 = (Math.imul(h2, B2) + (w ^ 0x2545f491)) | 0;
    if (i >= W) {
      const old = words[i - W] as number;
      h1 = (h1 - Math.imul(old, P1)) | 0;
      h2 = (h2 - Math.imul(old ^ 0x2545f491, P2)) | 0;
    }
    if (i < W - 1) continue;
    const a = fmix32(h1);
    if ((a & mask) !== 0) continue;
    grams[count * 2] = a;
    grams[count * 2 + 1] = fmix32(h2 ^ 0x68e31da4);
    count++;
  }
  ix.gramCount = count;
}
