import { describe, expect, it } from 'vitest';
import { candidateProbability } from '../../../functions/core/analysis';
import {
  estimateJaccard,
  lowBytes,
  MinHasher,
} from '../../../functions/core/analysis/hash/minhash';
import { fmix32, hashString, splitmix32 } from '../../../functions/core/analysis/hash/mix';

function signature(values: number[]): Uint8Array {
  const mh = new MinHasher();
  const out = new Uint8Array(128);
  lowBytes(mh.sign(Int32Array.from(values), values.length), out, 0);
  return out;
}

function setsWithJaccard(j: number, size: number, offset: number): [number[], number[]] {
  // |A ∩ B| / |A ∪ B| = j with |A| = |B| = size
  const shared = Math.round((2 * j * size) / (1 + j));
  const a = Array.from({ length: size }, (_, i) => fmix32(offset + i));
  const b = [
    ...a.slice(0, shared),
    ...Array.from({ length: size - shared }, (_, i) => fmix32(offset + 1e6 + i)),
  ];
  return [a, b];
}

describe('hashing', () => {
  it('matches the murmur3 finalizer on known values', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1) >>> 0).toBe(0x514e28b7);
  });

  it('gives the same pseudo-random stream for the same seed', () => {
    const a = splitmix32(42);
    const b = splitmix32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(hashString('café')).toBe(hashString('café'));
    expect(hashString('café')).not.toBe(hashString('cafe'));
  });

  it('signs identically in separate MinHasher instances (seeded permutations)', () => {
    const values = [1, 2, 3, 99, -7];
    expect(signature(values)).toEqual(signature(values));
    expect(Array.from(new MinHasher().a.slice(0, 3))).toEqual(
      Array.from(new MinHasher().a.slice(0, 3)),
    );
  });

  it('estimates Jaccard similarity within 0.1 of the truth', () => {
    for (const j of [0.2, 0.5, 0.8, 0.95]) {
      let sum = 0;
      for (let t = 0; t < 20; t++) {
        const [a, b] = setsWithJaccard(j, 200, t * 10_000);
        sum += estimateJaccard(signature(a), 0, signature(b), 0);
      }
      expect(Math.abs(sum / 20 - j)).toBeLessThan(0.1);
    }
  });

  it('makes a pair at Jaccard 0.8 an LSH candidate with probability above 0.99 (20 bands x 6 rows)', () => {
    expect(candidateProbability(0.8)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.8, 9, 13)).toBeLessThan(0.45);
    expect(candidateProbability(0.3)).toBeLessThan(0.02);
  });
});

describe('MinHash kernels', () => {
  it('gives bit-identical signatures with the WebAssembly SIMD kernel and the JS loop', () => {
    const simd = new MinHasher();
    const js = new MinHasher(undefined, { simd: false });
    expect(simd.usesSimd).toBe(true);
    expect(js.usesSimd).toBe(false);
    const next = splitmix32(5);
    const shingles = Int32Array.from({ length: 3000 }, () => next());
    for (const n of [0, 1, 7, 196, 3000]) {
      expect(Array.from(simd.sign(shingles, n))).toEqual(Array.from(js.sign(shingles, n)));
    }
  });
});
