import { fmix32, rotl } from '../hash/mix';

const SHINGLE_SEED = 0x3c6ef372;
const CHAR_SEED = 0x1b873593;

/** Hashes every window of `size` consecutive words into `out` (resized as needed); returns the count. */
export function wordShingles(words: Int32Array, n: number, size: number, out: Int32Array): number {
  const count = n - size + 1;
  for (let i = 0; i < count; i++) {
    let h = SHINGLE_SEED;
    for (let k = 0; k < size; k++) {
      h = Math.imul(rotl(h ^ (words[i + k] as number), 13), 0x5bd1e995);
    }
    out[i] = fmix32(h);
  }
  return Math.max(count, 0);
}

/** Character shingles of `size` code units over a normalized string: the fallback for short records. */
export function charShingles(normalized: string, size: number): Int32Array {
  const count = Math.max(1, normalized.length - size + 1);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let h = CHAR_SEED;
    const end = Math.min(normalized.length, i + size);
    for (let k = i; k < end; k++) h = Math.imul(h ^ normalized.charCodeAt(k), 0x01000193);
    out[i] = fmix32(h);
  }
  return out;
}

/** Two independent 32-bit hashes of a word sequence: the exact-duplicate key (64 bits). */
export function sequenceKey(words: Int32Array, n: number, out: Int32Array): void {
  let a = 0x243f6a88 ^ n;
  let b = 0x13198a2e ^ Math.imul(n, 0x9e3779b1);
  for (let i = 0; i < n; i++) {
    const w = words[i] as number;
    a = Math.imul(rotl(a ^ w, 15), 0x85ebca6b);
    b = (Math.imul(rotl(b, 11) ^ w, 0xcc9e2d51) + 0x6b43a9b5) | 0;
  }
  out[0] = fmix32(a);
  out[1] = fmix32(b ^ 0x7f4a7c15);
}
