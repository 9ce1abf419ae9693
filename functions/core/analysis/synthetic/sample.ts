import { createHmac } from 'node:crypto';
import { fmix32 } from '../hash/mix';
import type { AnalysisPartial } from '../partial/types';

/**
 * Records the style model is meant to score in a big sample. The 95 % bootstrap width of the
 * adjusted share is at most 0.76 points at 131,072 scored records (0.73 at a 30 % share, 0.56 at
 * 5 %), so scoring more would narrow an interval that already carries ±51 points of cross-domain
 * allowance by less than one point; `scripts/style-sample-width.ts` measures it.
 */
export const STYLE_SAMPLE_BOUND = 131_072;
/**
 * Bytes per record assumed when the record count is estimated from the stored size. Records
 * smaller than this get more than the bound scored (more work, a narrower interval); records
 * 4× larger still get a quarter of it (32,768: a sampling width of at most 1.5 points).
 */
export const STYLE_BYTES_PER_RECORD = 1024;
/**
 * Uncompressed bytes assumed per compressed byte of a gzip sample (text JSON Lines compresses
 * 3–6×; the low end errs toward scoring more records, never fewer).
 */
export const GZIP_RATIO = 3;
const UNKEYED_SALT = 'diligence style-sample, no key';
const TWO_32 = 2 ** 32;

/**
 * The keyed Bernoulli style sample of a partial: a record without markers is style-scored iff the
 * keyed hash of its text is below `rate`·2³². Every part of a sample is folded with the same key
 * and rate, so partials merge by adding their histograms. Absent when every record is scored.
 */
export interface StyleSampling {
  /** Fingerprint of the sampling key (never the key): partials of different keys never merge. */
  keyId: string;
  /** The probability a record is scored, fixed before the pass from the sample's stored size. */
  rate: number;
  /** Whether the key came from the sample's secret draw key (else a public salt: the CLI). */
  keyed: boolean;
}

/**
 * The rate for a sample of `sizeBytes` stored bytes (`gzip`: compressed): the bound over the
 * record count estimated from the size, at most 1 (every record scored below the bound).
 */
export function styleRate(sizeBytes: number, gzip = false): number {
  if (!(sizeBytes > 0)) return 1;
  const records = ((gzip ? GZIP_RATIO : 1) * sizeBytes) / STYLE_BYTES_PER_RECORD;
  return records <= STYLE_SAMPLE_BOUND ? 1 : STYLE_SAMPLE_BOUND / records;
}

/**
 * The 64-bit sampling key: HMAC-SHA256 of the sample's secret draw key under a label of its own
 * (so it reveals nothing about the spot-check draw), or of a public salt without a key.
 */
export function styleSampleKey(drawKey: string | undefined): {
  k0: number;
  k1: number;
  keyId: string;
} {
  const d = createHmac('sha256', drawKey || UNKEYED_SALT)
    .update('diligence style-sample')
    .digest();
  return { k0: d.readInt32LE(0), k1: d.readInt32LE(4), keyId: d.toString('hex', 8, 16) };
}

/** The sampling state for `drawKey` at `rate` (which must be in (0, 1)). */
export function createStyleSampling(drawKey: string | undefined, rate: number): StyleSampling {
  if (!(rate > 0 && rate < 1)) throw new Error(`a style sampling rate must be in (0, 1): ${rate}`);
  return { keyId: styleSampleKey(drawKey).keyId, rate, keyed: !!drawKey };
}

/** The threshold a record's keyed hash must stay under to be scored. */
export const styleThreshold = (rate: number): number => Math.floor(rate * TWO_32);

/** A record's keyed hash (unsigned 32 bits) from its 64-bit content key. */
export const keyedHash = (k0: number, k1: number, keyLo: number, keyHi: number): number =>
  fmix32(fmix32(keyLo ^ k0) ^ keyHi ^ k1) >>> 0;

/** Records with text and no marker: the records the style sample is drawn from. */
export const unmarkedRecords = (p: Pick<AnalysisPartial, 'records' | 'emptyText' | 'markers'>) =>
  p.records - p.emptyText - p.markers.records;

/** Records with text and no marker that the style model did not score (0 without sampling). */
export function unscoredRecords(
  p: Pick<AnalysisPartial, 'records' | 'emptyText' | 'markers' | 'scores' | 'styleSampling'>,
): number {
  if (!p.styleSampling) return 0;
  return unmarkedRecords(p) - p.scores.reduce((s, c) => s + c, 0);
}

/** Throws unless two partials were folded with the same style sampling (or both without). */
export function sameSampling(a: StyleSampling | undefined, b: StyleSampling | undefined): void {
  if (!a && !b) return;
  if (!a || !b || a.keyId !== b.keyId || a.rate !== b.rate)
    throw new Error('cannot merge partials folded with different style sampling (key or rate)');
}
