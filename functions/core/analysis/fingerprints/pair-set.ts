/**
 * A set of 64-bit values held as (lo, hi) uint32 pairs in one open-addressing table (load ≤ 1/2),
 * growing by doubling. The values are hashes already, so the slot is taken from `lo` directly.
 */
export class PairSet {
  private table: Uint32Array;
  private used: Uint8Array;
  private mask: number;
  /** Values in the set. */
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.table = new Uint32Array(cap * 2);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  /** A set holding the pairs of `pairs` (count = pairs.length / 2). */
  static of(pairs: Uint32Array): PairSet {
    const set = new PairSet(pairs.length / 2);
    for (let i = 0; i < pairs.length; i += 2) set.add(pairs[i] as number, pairs[i + 1] as number);
    return set;
  }

  private slot(lo: number, hi: number): number {
    let s = Math.imul(lo ^ hi, 0x9e3779b1) >>> 0;
    for (;;) {
      s &= this.mask;
      if (this.used[s] === 0) return s;
      if (this.table[s * 2] === lo >>> 0 && this.table[s * 2 + 1] === hi >>> 0) return s;
      s++;
    }
  }

  /** Whether the value is in the set. */
  has(lo: number, hi: number): boolean {
    return this.used[this.slot(lo, hi)] === 1;
  }

  /** Adds the value; true when it was not in the set before. */
  add(lo: number, hi: number): boolean {
    const s = this.slot(lo, hi);
    if (this.used[s] === 1) return false;
    this.used[s] = 1;
    this.table[s * 2] = lo;
    this.table[s * 2 + 1] = hi;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return true;
  }

  private grow(): void {
    const { table, used } = this;
    const cap = (this.mask + 1) * 2;
    this.table = new Uint32Array(cap * 2);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    for (let s = 0; s < used.length; s++) {
      if (used[s] === 0) continue;
      const lo = table[s * 2] as number;
      const hi = table[s * 2 + 1] as number;
      const t = this.slot(lo, hi);
      this.used[t] = 1;
      this.table[t * 2] = lo;
      this.table[t * 2 + 1] = hi;
    }
  }

  /** The values as pairs, sorted by (hi, lo) so equal sets give equal bytes whatever the insert order. */
  toSortedPairs(): Uint32Array {
    const out = new Uint32Array(this.size * 2);
    let w = 0;
    for (let s = 0; s < this.used.length; s++) {
      if (this.used[s] === 0) continue;
      out[w++] = this.table[s * 2] as number;
      out[w++] = this.table[s * 2 + 1] as number;
    }
    return sortPairs(out);
  }
}

/** Sorts (lo, hi) pairs by hi then lo: an LSD radix sort over four 16-bit digits. */
export function sortPairs(pairs: Uint32Array): Uint32Array {
  const n = pairs.length / 2;
  let src: Uint32Array = pairs;
  let dst: Uint32Array = new Uint32Array(pairs.length);
  const counts = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? 0 : 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((src[i * 2 + word] as number) >>> shift) & 0xffff;
      counts[d + 1] = (counts[d + 1] as number) + 1;
    }
    for (let d = 0; d < 65536; d++)
      counts[d + 1] = (counts[d + 1] as number) + (counts[d] as number);
    for (let i = 0; i < n; i++) {
      const d = ((src[i * 2 + word] as number) >>> shift) & 0xffff;
      const at = counts[d] as number;
      counts[d] = at + 1;
      dst[at * 2] = src[i * 2] as number;
      dst[at * 2 + 1] = src[i * 2 + 1] as number;
    }
    [src, dst] = [dst, src];
  }
  return src;
}
