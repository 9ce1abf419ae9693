/**
 * Removes repeated values from a small array of hashes in O(n) with an open-addressing table that is
 * cleared in O(1) between records (generation stamps). Each slot holds its stamp next to its key,
 * so a probe reads one cache line.
 */
export class DistinctSet {
  private bits = 10;
  /** Pairs (generation stamp, key). */
  private slots = new Int32Array(2 << 10);
  private generation = 0;

  /** Writes the distinct values of `values[0..n)` to the front of `values`, in first-seen order; returns their count. */
  dedupe(values: Int32Array, n: number): number {
    if (n * 2 > 1 << this.bits) this.grow(n * 2);
    this.generation++;
    const slots = this.slots;
    const mask = slots.length - 2;
    const shift = 32 - this.bits;
    const gen = this.generation;
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let at = (Math.imul(v, 0x9e3779b1) >>> shift) << 1;
      for (;;) {
        if (slots[at] !== gen) {
          slots[at] = gen;
          slots[at + 1] = v;
          values[distinct++] = v;
          break;
        }
        if (slots[at + 1] === v) break;
        at = (at + 2) & mask;
      }
    }
    return distinct;
  }

  private grow(min: number): void {
    while (1 << this.bits < min) this.bits++;
    this.slots = new Int32Array(2 << this.bits);
    this.generation = 0;
  }
}
