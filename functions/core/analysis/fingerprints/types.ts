/** What a pack's corpus is: public machine-written text, the buyer's evaluation sets, or the buyer's own model outputs. */
export type PackKind = 'synthetic' | 'eval' | 'echo';

/** The pack kinds, in the order the CLI lists them. */
export const PACK_KINDS: readonly PackKind[] = ['synthetic', 'eval', 'echo'];

/** The pack format's identifier and version (bumped when the stored tables change meaning). */
export const PACK_FORMAT = 'diligence-fingerprints';
/** Current version of the binary pack layout. */
export const PACK_VERSION = 1;
/** Bits kept per MinHash slot for verifying near candidates (b-bit MinHash, Li and König). */
export const SIG_BITS = 2;
/** Bytes of verification signature per pack record: 128 slots × 2 bits. */
export const SIG_BYTES = 32;

/**
 * A fingerprint pack: hashes of a corpus, never its text. Per pack record it keeps
 * - `exact`: the 64-bit key of the record's normalized word sequence (the analyzer's exact-duplicate
 *   key), sorted and deduplicated, as (lo, hi) uint32 pairs;
 * - `bands`: the record's 20 MinHash-LSH band hashes (32 bits each; records with the same exact key
 *   kept once), with `sigs`: 2 bits of each of its 128 MinHash slots (32 bytes) so a candidate that
 *   shares a band is verified (estimated Jaccard ≥ the analyzer's near threshold) before it counts;
 * - `grams`: the 64-bit hashes of the record's 13-word n-grams whose first half has `gramBits` low
 *   zero bits (the analyzer's content-based gram sampling), sorted and deduplicated, as pairs.
 * In a keyed pack every stored value is a keyed pseudorandom function of the hash (see `keyed.ts`).
 */
export interface FingerprintPack {
  format: typeof PACK_FORMAT;
  version: number;
  /** The analyzer's parameter fingerprint (`PARAMS`); a pack built with others is refused. */
  params: string;
  name: string;
  kind: PackKind;
  keyed: boolean;
  /** A short check value of the key (HMAC of a constant), so a wrong key is reported, not silently matched; null when unkeyed. */
  keyCheck: string | null;
  /** Records read from the corpus (with text). */
  records: number;
  /** Records skipped as too short to be evidence (fewer than `MIN_WORDS` words). */
  skipped: number;
  /** Sorted unique exact keys as (lo, hi) pairs. */
  exact: Uint32Array;
  /** Records with a near-matching sketch (distinct exact keys). */
  nearRecords: number;
  /** `nearRecords × 20` band hashes, record by record. */
  bands: Int32Array;
  /** `nearRecords × SIG_BYTES` verification bits (four 2-bit slots per byte). */
  sigs: Uint8Array;
  /** Gram sampling: a 13-gram is kept when its first hash has this many low zero bits. */
  gramBits: number;
  /** Sorted unique sampled 13-gram hashes as (a, b) pairs. */
  grams: Uint32Array;
}

/** What one pack matched in a sample: shares of the sample's indexed records. */
export interface PackMatch {
  pack: string;
  kind: PackKind;
  /** Sample records that match the pack at all (the count behind `matchedShare`). */
  records: number;
  /** Records of the pack (its size), for reading the count. */
  packRecords: number;
  /** Sample records compared (the indexed records; all records unless the index was sampled). */
  checked: number;
  /** Equal to a pack record after normalization. */
  exactShare: number;
  /** Near a pack record (estimated Jaccard ≥ the near threshold), exact included. */
  nearShare: number;
  /** Near, or containing a 13-word n-gram of a pack record. */
  matchedShare: number;
  /** Up to 10 matching sample record indexes (0-based, in record order). */
  examples: number[];
}

/** A pack that cannot be read or used: wrong format, other version or analyzer parameters, wrong key. */
export class PackFormatError extends Error {
  override name = 'PackFormatError';
}
