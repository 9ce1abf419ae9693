import { PARAMS } from '../params';

const B = PARAMS.bands;
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;

/**
 * Groups records by their hash in one LSH band: a stable LSD radix sort (three 11-bit digits) of
 * (band hash, record) pairs, so records with equal hashes end up adjacent and in record order.
 * Sequential passes instead of one random hash-table probe per record: the duplicate pass over a
 * million records no longer waits on a cache miss per record and band.
 */
export class BandSorter {
  /** Band hashes in sorted order (valid after `sort`, first `m` entries). */
  keys: Int32Array;
  /** The record of each sorted entry. */
  records: Int32Array;
  private spareKeys: Int32Array;
  private spareRecords: Int32Array;
  private readonly counts = new Int32Array(DIGITS);

  constructor(capacity: number) {
    const size = Math.max(1, capacity);
    this.keys = new Int32Array(size);
    this.records = new Int32Array(size);
    this.spareKeys = new Int32Array(size);
    this.spareRecords = new Int32Array(size);
  }

  /** Sorts `members[0..m)` (record positions, ascending) by their hash in `band` of `bands`. */
  sort(bands: Int32Array, band: number, members: Int32Array, m: number): void {
    let keys = this.spareKeys;
    let records = this.spareRecords;
    for (let i = 0; i < m; i++) {
      const r = members[i] as number;
      keys[i] = bands[r * B + band] as number;
      records[i] = r;
    }
    let outKeys = this.keys;
    let outRecords = this.records;
    const counts = this.counts;
    for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
      counts.fill(0);
      for (let i = 0; i < m; i++) {
        const d = ((keys[i] as number) >>> shift) & (DIGITS - 1);
        counts[d] = (counts[d] as number) + 1;
      }
      let sum = 0;
      for (let d = 0; d < DIGITS; d++) {
        const c = counts[d] as number;
        counts[d] = sum;
        sum += c;
      }
      for (let i = 0; i < m; i++) {
        const key = keys[i] as number;
        const d = (key >>> shift) & (DIGITS - 1);
        const at = counts[d] as number;
        counts[d] = at + 1;
        outKeys[at] = key;
        outRecords[at] = records[i] as number;
      }
      [keys, outKeys] = [outKeys, keys];
      [records, outRecords] = [outRecords, records];
    }
    // the last pass wrote into what is now `keys`/`records`
    this.spareKeys = outKeys;
    this.spareRecords = outRecords;
    this.keys = keys;
    this.records = records;
  }
}
