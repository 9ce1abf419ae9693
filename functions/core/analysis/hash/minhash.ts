import { PARAMS } from '../params';
import { createWasmSigner, type WasmSigner } from './minhash-wasm';
import { fmix32, rotl, splitmix32 } from './mix';

const K = PARAMS.permutations;

/**
 * MinHash over 32-bit shingle hashes with 128 seeded affine permutations x -> a*x + b (mod 2^32, a odd),
 * compared as signed int32 (itself a fixed bijection, so each slot is still a min-wise hash).
 * Signs with a WebAssembly SIMD kernel when available, else with the JS loop; both give identical bits.
 */
export class MinHasher {
  readonly a = new Int32Array(K);
  readonly b = new Int32Array(K);
  private readonly mins = new Int32Array(K);
  private readonly simd: WasmSigner | null;
  private buffer = new Int32Array(1024);

  constructor(seed: number = PARAMS.seed, options: { simd?: boolean } = {}) {
    const next = splitmix32(seed);
    for (let i = 0; i < K; i++) {
      this.a[i] = next() | 1;
      this.b[i] = next();
    }
    this.simd = options.simd === false ? null : createWasmSigner(this.a, this.b);
  }

  /** Whether signing runs on the WebAssembly SIMD kernel. */
  get usesSimd(): boolean {
    return this.simd !== null;
  }

  /** A buffer with room for `n` shingles; fill it and call `signInput` (saves a copy on the hot path). */
  input(n: number): Int32Array {
    if (this.simd) return this.simd.input(n);
    if (this.buffer.length < n) this.buffer = new Int32Array(n * 2);
    return this.buffer;
  }

  /** The signature of the first `n` values written to `input(n)`; valid until the next call. */
  signInput(n: number): Int32Array {
    return this.simd ? this.simd.sign(n) : this.signJs(this.buffer, n);
  }

  /** The signature of `shingles[0..n)` (all 0x7fffffff when n is 0); valid until the next call. */
  sign(shingles: Int32Array, n: number): Int32Array {
    if (!this.simd) return this.signJs(shingles, n);
    this.simd.input(n).set(shingles.subarray(0, n));
    return this.simd.sign(n);
  }

  /** The JS signer: eight permutations per pass over the shingles keep the minima in registers. */
  signJs(shingles: Int32Array, n: number): Int32Array {
    const { a, b, mins } = this;
    for (let p = 0; p < K; p += 8) {
      const a0 = a[p] as number;
      const a1 = a[p + 1] as number;
      const a2 = a[p + 2] as number;
      const a3 = a[p + 3] as number;
      const a4 = a[p + 4] as number;
      const a5 = a[p + 5] as number;
      const a6 = a[p + 6] as number;
      const a7 = a[p + 7] as number;
      const b0 = b[p] as number;
      const b1 = b[p + 1] as number;
      const b2 = b[p + 2] as number;
      const b3 = b[p + 3] as number;
      const b4 = b[p + 4] as number;
      const b5 = b[p + 5] as number;
      const b6 = b[p + 6] as number;
      const b7 = b[p + 7] as number;
      let m0 = 0x7fffffff;
      let m1 = m0;
      let m2 = m0;
      let m3 = m0;
      let m4 = m0;
      let m5 = m0;
      let m6 = m0;
      let m7 = m0;
      for (let j = 0; j < n; j++) {
        const x = shingles[j] as number;
        let v = (Math.imul(a0, x) + b0) | 0;
        if (v < m0) m0 = v;
        v = (Math.imul(a1, x) + b1) | 0;
        if (v < m1) m1 = v;
        v = (Math.imul(a2, x) + b2) | 0;
        if (v < m2) m2 = v;
        v = (Math.imul(a3, x) + b3) | 0;
        if (v < m3) m3 = v;
        v = (Math.imul(a4, x) + b4) | 0;
        if (v < m4) m4 = v;
        v = (Math.imul(a5, x) + b5) | 0;
        if (v < m5) m5 = v;
        v = (Math.imul(a6, x) + b6) | 0;
        if (v < m6) m6 = v;
        v = (Math.imul(a7, x) + b7) | 0;
        if (v < m7) m7 = v;
      }
      mins[p] = m0;
      mins[p + 1] = m1;
      mins[p + 2] = m2;
      mins[p + 3] = m3;
      mins[p + 4] = m4;
      mins[p + 5] = m5;
      mins[p + 6] = m6;
      mins[p + 7] = m7;
    }
    return mins;
  }
}

/** Hashes each band of `rows` signature slots into `out[offset + band]`. */
export function bandHashes(mins: Int32Array, out: Int32Array, offset: number): void {
  const { bands, rows } = PARAMS;
  for (let band = 0; band < bands; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    const base = band * rows;
    for (let r = 0; r < rows; r++)
      h = Math.imul(rotl(h ^ (mins[base + r] as number), 15), 0x1b873593);
    out[offset + band] = fmix32(h);
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Word views of byte arrays `lowBytes` writes to, by buffer (one per index array, reused). */
const wordViews = new WeakMap<ArrayBufferLike, Int32Array>();

/** Keeps the low byte of each slot (b-bit MinHash, b = 8): 128 bytes that still estimate Jaccard. */
export function lowBytes(mins: Int32Array, out: Uint8Array, offset: number): void {
  const at = out.byteOffset + offset;
  if (!LITTLE_ENDIAN || (at & 3) !== 0 || (out.buffer.byteLength & 3) !== 0) {
    for (let i = 0; i < K; i++) out[offset + i] = (mins[i] as number) & 0xff;
    return;
  }
  // four bytes per store: a record's 128 bytes are two fresh cache lines of a big array, and
  // byte stores fill the store buffer while those lines load
  let words = wordViews.get(out.buffer);
  if (!words) {
    words = new Int32Array(out.buffer);
    wordViews.set(out.buffer, words);
  }
  const w = at >> 2;
  for (let i = 0; i < K; i += 4) {
    words[w + (i >> 2)] =
      ((mins[i] as number) & 0xff) |
      (((mins[i + 1] as number) & 0xff) << 8) |
      (((mins[i + 2] as number) & 0xff) << 16) |
      ((mins[i + 3] as number) << 24);
  }
}

/**
 * Jaccard estimate from two 8-bit signatures: matching slots, corrected for the 1/256 chance that two
 * different minima share a low byte (Li and König, b-bit minwise hashing).
 */
export function estimateJaccard(sigs: Uint8Array, i: number, other: Uint8Array, j: number): number {
  let same = 0;
  const oi = i * K;
  const oj = j * K;
  for (let k = 0; k < K; k++) if (sigs[oi + k] === other[oj + k]) same++;
  const c = 1 / 256;
  return Math.max(0, (same / K - c) / (1 - c));
}
