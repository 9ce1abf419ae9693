/** A growable buffer of 32-bit word hashes, reused across records to avoid allocation. */
export class WordBuffer {
  hashes = new Int32Array(4096);
  n = 0;
  /** ASCII digits and '@' signs seen since the last reset: a cheap prefilter for PII scans. */
  digits = 0;
  at = 0;

  reset(): void {
    this.n = 0;
    this.digits = 0;
    this.at = 0;
  }

  /** Makes room for `extra` more hashes. */
  ensure(extra: number): void {
    if (this.n + extra <= this.hashes.length) return;
    let size = this.hashes.length * 2;
    while (size < this.n + extra) size *= 2;
    const next = new Int32Array(size);
    next.set(this.hashes.subarray(0, this.n));
    this.hashes = next;
  }
}
