import { PARAMS } from '../params';
import { tableSize } from './union-find';

const B = PARAMS.bands;

/**
 * One LSH band of an index as buckets: records with equal band hashes chained newest-first.
 * Built band by band so memory stays at ~5 words per record whatever the band count. Each slot
 * holds the band hash next to its bucket's head, so a probe touches one cache line, not the index.
 */
export class BandTable {
  /** Pairs (band hash, newest record + 1; 0 when the slot is empty). */
  private readonly slots: Int32Array;
  readonly next: Int32Array;
  private readonly mask: number;
  private band = 0;

  constructor(
    private readonly bands: Int32Array,
    n: number,
  ) {
    const size = tableSize(n);
    this.slots = new Int32Array(size * 2);
    this.next = new Int32Array(Math.max(1, n));
    this.mask = size - 1;
  }

  /** Empties the table and switches to band `band`. */
  reset(band: number): void {
    this.slots.fill(0);
    this.band = band;
  }

  /** The slot (pair index × 2) of hash `h`: its bucket's or the empty one it would take. */
  private slotOf(h: number): number {
    const { slots, mask } = this;
    let slot = Math.imul(h, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      const at = slot * 2;
      if (slots[at + 1] === 0 || slots[at] === h) return at;
      slot++;
    }
  }

  /** The newest record whose band hash is `h`, or -1; walk older ones through `next`. */
  first(h: number): number {
    return (this.slots[this.slotOf(h) + 1] as number) - 1;
  }

  /** Adds record `r` (its band hash is read from the index). */
  insert(r: number): void {
    this.push(r);
  }

  /**
   * Adds record `r` and returns the newest record added before it with the same band hash, or -1
   * (what `first` gave before the insert: walk older ones through `next`). One probe for both.
   */
  push(r: number): number {
    const h = this.bands[r * B + this.band] as number;
    const at = this.slotOf(h);
    const slots = this.slots;
    const prev = (slots[at + 1] as number) - 1;
    this.next[r] = prev;
    slots[at] = h;
    slots[at + 1] = r + 1;
    return prev;
  }
}
