/** Side of the greyscale square a pHash is computed from. */
export const PHASH_SIZE = 32;
const LOW = 8;

const COS: Float64Array = (() => {
  const t = new Float64Array(LOW * PHASH_SIZE);
  for (let u = 0; u < LOW; u++)
    for (let x = 0; x < PHASH_SIZE; x++)
      t[u * PHASH_SIZE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * PHASH_SIZE));
  return t;
})();

/** The 8×8 lowest-frequency DCT-II coefficients of a 32×32 greyscale square (row-major). */
function lowDct(grey: ArrayLike<number>): Float64Array {
  const n = PHASH_SIZE;
  const rows = new Float64Array(n * LOW);
  for (let y = 0; y < n; y++)
    for (let u = 0; u < LOW; u++) {
      let s = 0;
      for (let x = 0; x < n; x++) s += (grey[y * n + x] as number) * (COS[u * n + x] as number);
      rows[y * LOW + u] = s;
    }
  const out = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++)
    for (let u = 0; u < LOW; u++) {
      let s = 0;
      for (let y = 0; y < n; y++) s += (rows[y * LOW + u] as number) * (COS[v * n + y] as number);
      out[v * LOW + u] = s;
    }
  return out;
}

/**
 * A 64-bit DCT perceptual hash of a 32×32 greyscale square, as 16 hex digits: bit i is set when
 * low-frequency coefficient i is above the median of the 63 non-DC ones (the DC term only carries
 * brightness). Greyscale by construction, so a greyscale copy hashes like its colour original.
 */
export function phash(grey: ArrayLike<number>): string {
  const c = lowDct(grey);
  const ac = [...c.subarray(1)].sort((a, b) => a - b);
  const median = ac[ac.length >> 1] as number;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 64; i++) {
    const bit = i > 0 && (c[i] as number) > median ? 1 : 0;
    if (i < 32) hi = (hi << 1) | bit;
    else lo = (lo << 1) | bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** The same square mirrored left to right (for the mirror-aware hash). */
export function mirror(grey: ArrayLike<number>): Uint8Array {
  const n = PHASH_SIZE;
  const out = new Uint8Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) out[y * n + x] = grey[y * n + (n - 1 - x)] as number;
  return out;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Hamming distance of two 16-hex-digit hashes. */
export function hamming(a: string, b: string): number {
  return (
    popcount(Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) +
    popcount(Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16))
  );
}
