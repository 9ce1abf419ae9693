/**
 * Removes repeated values from a small array of hashes in O(n) with an open-addressing table that is
 * cleared in O(1) between records (generation stamps).
 */
export class DistinctSet {
  private bits = 10;
  private keys = new Int32Array(1 << 10);
  private stamps = new Int32Array(1 << 10);
  private generation = 0;

  /** Writes the distinct values of `values[0..n)` to the front of `values`, in first-seen order; returns their count. */
  dedupe(values: Int32Array, n: number): number {
    if (n * 2 > this.keys.length) this.grow(n * 2);
    this.generation++;
    const mask = this.keys.length - 1;
    const shift = 32 - this.bits;
    const keys = this.keys;
    const stamps = this.stamps;
    const gen = this.generation;
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let slot = Math.imul(v, 0x9e3779b1) >>> shift;
      for (;;) {
        if (stamps[slot] !== gen) {
          stamps[slot] = gen;
          keys[slot] = v;
          values[distinct++] = v;
          break;
        }
        if (keys[slot] === v) break;
        slot = (slot + 1) & mask;
      }
    }
    return distinct;
  }

  private grow(min: number): void {
    while (1 << this.bits < min) this.bits++;
    this.keys = new Int32Array(1 << this.bits);
    this.stamps = new Int32Array(1 << this.bits);
    this.generation = 0;
  }
}
