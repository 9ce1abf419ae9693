/** A reviewer's tag for one drawn record. */
export type SpotTag = 'machine' | 'human' | 'unsure';

/** The tags `estimateSpotCheck` accepts, in a fixed order. */
export const SPOT_TAGS: readonly SpotTag[] = ['machine', 'human', 'unsure'];

/** One stratum of a sample's records with text: its id, a label for people, its size in the whole file. */
export interface SpotStratum {
  id: number;
  label: string;
  records: number;
}

/** One record drawn for review: its 0-based position among the file's records and its text. */
export interface DrawnRecord {
  index: number;
  stratum: number;
  text: string;
  /** True when `text` was cut at `SPOT_CHECK_TEXT_CHARS` characters. */
  truncated: boolean;
}

/** The reviewed estimate of the machine-made share of the records with text. */
export interface SpotEstimate {
  share: number;
  /** Two-sided 95 % interval [low, high]; `unsure` tags count human in `low`, machine in `high`. */
  interval: [number, number];
  reviewed: number;
  unsure: number;
  method: string;
}

/** A pooled record: its global index, keyed priority (a 52-bit integer) and truncated text. */
export interface SpotPoolEntry {
  index: number;
  priority: number;
  text: string;
  truncated: boolean;
}

/**
 * The review pool a partial keeps when folded with a spot-check key: per stratum, the
 * `SPOT_CHECK_MAX_SIZE` records with the smallest keyed priority, sorted by (priority, index).
 * Exactly mergeable (bottom-k). `keyId` fingerprints the key so pools of different keys never merge;
 * the key itself is never stored.
 */
export interface SpotPool {
  keyId: string;
  strata: SpotPoolEntry[][];
}

/** Records a spot-check reviews unless the reviewer chooses another size. */
export const SPOT_CHECK_DEFAULT_SIZE = 100;
/**
 * The largest spot-check: also the records a pool keeps per stratum, since the allocation can give
 * one stratum the whole draw (a file whose records all fall in one stratum).
 */
export const SPOT_CHECK_MAX_SIZE = 400;
/** Characters of a record's text kept in the pool (and shown to the reviewer). */
export const SPOT_CHECK_TEXT_CHARS = 2000;

/** Bad input to a spot-check draw or estimate (what is wrong and where). */
export class SpotCheckInputError extends Error {}
