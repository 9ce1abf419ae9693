import { createCipheriv, createHmac } from 'node:crypto';

/** Domain tags: one per kind of stored hash, so equal inputs of different kinds never collide. */
export const TAG = { exact: 0x65786163, band: 0x62616e64, gram: 0x6772616d, sig: 0x73696730 };

/**
 * The keyed pseudorandom function of a keyed pack. The organization's secret is an HMAC-SHA256 key;
 * from it we derive (HMAC over fixed labels) an AES-128 key and a check value. Every stored hash is
 * replaced by AES-128(derived key, [tag, hash words]) truncated to the hash's width: a PRF, so
 * without the secret nobody can compute the stored value of a guessed text (and so cannot confirm
 * it is in the pack). AES runs in ECB over whole batches of 16-byte blocks (one call per table),
 * which keeps matching cheap; ECB is safe here because every block is a distinct PRF input.
 */
export class PackKey {
  private readonly aes: Buffer;
  /** Hex check value: HMAC(secret, "diligence-fingerprints check"), first 8 bytes. */
  readonly check: string;

  constructor(secret: Uint8Array) {
    if (secret.length < 16)
      throw new RangeError('a fingerprint key needs at least 16 bytes (128 bits) of secret');
    const mac = (label: string) => createHmac('sha256', secret).update(label).digest();
    this.aes = mac('diligence-fingerprints aes-128 v1').subarray(0, 16);
    this.check = mac('diligence-fingerprints check').subarray(0, 8).toString('hex');
  }

  /** Encrypts `blocks` (4 uint32 words per block) and returns the 4 output words per block. */
  prf(blocks: Uint32Array): Uint32Array {
    if (blocks.length === 0) return new Uint32Array(0);
    const cipher = createCipheriv('aes-128-ecb', this.aes, null);
    cipher.setAutoPadding(false);
    const input = Buffer.from(blocks.buffer, blocks.byteOffset, blocks.byteLength);
    const out = Buffer.concat([cipher.update(input), cipher.final()]);
    const words = new Uint32Array(out.length / 4);
    new Uint8Array(words.buffer).set(out);
    return words;
  }

  /** Keyed 64-bit values of `count` (lo, hi) pairs, as pairs. */
  pairs(tag: number, pairs: Uint32Array | Int32Array, count = pairs.length / 2): Uint32Array {
    const blocks = new Uint32Array(count * 4);
    for (let i = 0; i < count; i++) {
      blocks[i * 4] = tag;
      blocks[i * 4 + 1] = pairs[i * 2] as number;
      blocks[i * 4 + 2] = pairs[i * 2 + 1] as number;
    }
    const out = this.prf(blocks);
    const res = new Uint32Array(count * 2);
    for (let i = 0; i < count; i++) {
      res[i * 2] = out[i * 4] as number;
      res[i * 2 + 1] = out[i * 4 + 1] as number;
    }
    return res;
  }

  /** Keyed 32-bit band hashes: element i of `bands` is band `i % period` (its tag includes it). */
  bands(bands: Int32Array, count: number, period: number): Int32Array {
    const blocks = new Uint32Array(count * 4);
    for (let i = 0; i < count; i++) {
      blocks[i * 4] = TAG.band;
      blocks[i * 4 + 1] = i % period;
      blocks[i * 4 + 2] = bands[i] as number;
    }
    const out = this.prf(blocks);
    const res = new Int32Array(count);
    for (let i = 0; i < count; i++) res[i] = out[i * 4] as number;
    return res;
  }

  /**
   * One 32-byte mask per record (two AES blocks over its first three keyed band values): XORed
   * onto the stored verification bits so they too are unreadable without the key.
   */
  sigMasks(keyedBands: Int32Array, records: number, period: number): Uint8Array {
    const blocks = new Uint32Array(records * 8);
    for (let r = 0; r < records; r++) {
      for (let half = 0; half < 2; half++) {
        const o = r * 8 + half * 4;
        blocks[o] = TAG.sig + half;
        blocks[o + 1] = keyedBands[r * period] as number;
        blocks[o + 2] = keyedBands[r * period + 1] as number;
        blocks[o + 3] = keyedBands[r * period + 2] as number;
      }
    }
    const out = this.prf(blocks);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}
