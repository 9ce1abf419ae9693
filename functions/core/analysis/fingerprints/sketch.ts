import { bandHashes, lowBytes, MinHasher } from '../hash/minhash';
import { PARAMS } from '../params';
import { createIndex } from '../partial/record-index';
import type { RecordIndex } from '../partial/types';
import { grams13 } from '../text/grams';
import { normalizeText, scanWords } from '../text/scan';
import { charShingles, sequenceKey, wordShingles } from '../text/shingles';
import { WordBuffer } from '../text/word-buffer';

const { bands: B, permutations: K, shingleWords, shortCharShingle } = PARAMS;

/**
 * The analyzer's per-record hashes of one text, computed exactly as the fold computes them for an
 * indexed record (same tokenizer, exact key, shingles, MinHash, bands and 13-gram hashes), so a
 * pack record and a sample record with the same text give the same values.
 */
export class Sketcher {
  private readonly words = new WordBuffer();
  private readonly minhash = new MinHasher();
  private readonly key = new Int32Array(2);
  /** Scratch index: grams of the last sketched text (gramCount, grams). */
  readonly scratch: RecordIndex = createIndex(1, 1024);
  readonly bands = new Int32Array(B);
  readonly sigs = new Uint8Array(K);
  keyLo = 0;
  keyHi = 0;
  /** Words of the last sketched text. */
  n = 0;

  constructor(gramBits: number) {
    this.scratch.gramBits = gramBits;
  }

  /** Sketches `text` (parts of a record joined by newlines, as the fold joins them). */
  sketch(text: string): void {
    const wb = this.words;
    wb.reset();
    scanWords(text, wb);
    const n = wb.n;
    this.n = n;
    sequenceKey(wb.hashes, n, this.key);
    this.keyLo = this.key[0] as number;
    this.keyHi = this.key[1] as number;
    let count: number;
    if (n >= shingleWords) {
      count = wordShingles(wb.hashes, n, shingleWords, this.minhash.input(n));
    } else {
      const chars =
        n === 0 ? new Int32Array(0) : charShingles(normalizeText(text), shortCharShingle);
      count = chars.length;
      this.minhash.input(count).set(chars);
    }
    const mins = this.minhash.signInput(count);
    bandHashes(mins, this.bands, 0);
    lowBytes(mins, this.sigs, 0);
    this.scratch.gramCount = 0;
    grams13(wb.hashes, n, this.scratch);
  }
}

/** Packs the low 2 bits of each of 128 signature bytes into 32 bytes at `out[offset..]`. */
export function packSig(sigs: Uint8Array, from: number, out: Uint8Array, offset: number): void {
  for (let j = 0; j < K / 4; j++) {
    const s = from + j * 4;
    out[offset + j] =
      ((sigs[s] as number) & 3) |
      (((sigs[s + 1] as number) & 3) << 2) |
      (((sigs[s + 2] as number) & 3) << 4) |
      (((sigs[s + 3] as number) & 3) << 6);
  }
}

/**
 * Jaccard estimate from 2-bit slots: the share of equal slots corrected for the 1/4 chance that
 * two different minima agree on 2 bits (b-bit minwise hashing). `packed` is a packSig output.
 */
export function estimate2bit(
  sampleSigs: Uint8Array,
  t: number,
  packed: Uint8Array,
  p: number,
  mask?: Uint8Array,
): number {
  let same = 0;
  const os = t * K;
  const op = p * (K / 4);
  for (let j = 0; j < K / 4; j++) {
    let v = packed[op + j] as number;
    if (mask) v ^= mask[op + j] as number;
    const s = os + j * 4;
    if (((sampleSigs[s] as number) & 3) === (v & 3)) same++;
    if (((sampleSigs[s + 1] as number) & 3) === ((v >> 2) & 3)) same++;
    if (((sampleSigs[s + 2] as number) & 3) === ((v >> 4) & 3)) same++;
    if (((sampleSigs[s + 3] as number) & 3) === ((v >> 6) & 3)) same++;
  }
  return Math.max(0, (same / K - 0.25) / 0.75);
}
