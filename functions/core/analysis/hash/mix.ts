/** Murmur3's 32-bit finalizer: spreads every input bit over the whole word. Returns an int32. */
export function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}

/** Rotates a 32-bit word left by `r` bits. */
export function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** Seeded 32-bit PRNG (splitmix32): the same seed gives the same stream on every machine. */
export function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
}

const encoder = new TextEncoder();

/** FNV-1a over the UTF-8 bytes of `s`, finalized with fmix32 (int32). For cold paths (labels, keys). */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (const byte of encoder.encode(s)) h = Math.imul(h ^ byte, 0x01000193);
  return fmix32(h);
}
