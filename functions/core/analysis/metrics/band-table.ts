import { PARAMS } from '../params';
import { tableSize } from './union-find';

const B = PARAMS.bands;

/**
 * One LSH band of an index as buckets: records with equal band hashes chained newest-first.
 * Built band by band so memory stays at ~3 words per record whatever the band count.
 */
export class BandTable {
  private readonly heads: Int32Array;
  readonly next: Int32Array;
  private readonly mask: number;
  private band = 0;

  constructor(
    private readonly bands: Int32Array,
    n: number,
  ) {
    const size = tableSize(n);
    this.heads = new Int32Array(size);
    this.next = new Int32Array(Math.max(1, n));
    this.mask = size - 1;
  }

  /** Empties the table and switches to band `band`. */
  reset(band: number): void {
    this.heads.fill(0);
    this.band = band;
  }

  private slotOf(h: number): number {
    const { heads, bands, mask } = this;
    let slot = Math.imul(h, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      const head = heads[slot] as number;
      if (head === 0 || bands[(head - 1) * B + this.band] === h) return slot;
      slot++;
    }
  }

  /** The newest record whose band hash is `h`, or -1; walk older ones through `next`. */
  first(h: number): number {
    return (this.heads[this.slotOf(h)] as number) - 1;
  }

  /** Adds record `r` (its band hash is read from the index). */
  insert(r: number): void {
    const slot = this.slotOf(this.bands[r * B + this.band] as number);
    this.next[r] = (this.heads[slot] as number) - 1;
    this.heads[slot] = r + 1;
  }
}
