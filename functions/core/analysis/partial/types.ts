import type { ImagePartial } from '../images/types';
import type { LanguageSample } from '../languages/sample';
import type { MarkerKind } from '../metrics/markers';
import type { PiiKind } from '../metrics/pii';
import type { AnalysisLimits } from '../params';
import type { SpotPool } from '../spot-check/types';
import type { StyleSampling } from '../synthetic/sample';
import type { FieldMapping } from '../types';
import type { SourceCounts } from './sources';

/**
 * Per-record sketches of the indexed records, in record order, as growable typed arrays: the part
 * of a partial that duplicates and contamination are computed from. Whole MinHash signatures are
 * not kept: 20 band hashes and the low byte of each of the 128 slots (for verifying candidates).
 */
export interface RecordIndex {
  n: number;
  ids: Uint32Array;
  keyLo: Int32Array;
  keyHi: Int32Array;
  bands: Int32Array;
  sigs: Uint8Array;
  labels: Int32Array;
  /** Cumulative count of sampled 13-gram hashes up to and including each record. */
  gramEnds: Uint32Array;
  /** Sampled 13-gram hashes as (a, b) pairs; a & (2^gramBits - 1) === 0. */
  grams: Int32Array;
  gramCount: number;
  /** Records are indexed when fmix32(keyLo ^ salt) & (2^sampleBits - 1) === 0. */
  sampleBits: number;
  gramBits: number;
  /** Source id of each indexed record (see `AnalysisPartial.sources`; -1 none, -2 overflow). */
  sources: Int32Array;
}

/** A text kept for the diversity budget, selected by the lowest sampling keys. */
export interface BudgetEntry {
  key: number;
  tie: number;
  tokens: Int32Array;
  text: string;
}

/** An example: the record index, plus what was found there (masked when personal). */
export interface Example {
  record: number;
  kind?: string;
  value?: string;
}

/**
 * The mergeable state of an analysis: counts, sketches and bounded examples. Two partials of
 * consecutive parts of a file merge into the partial of the whole (`mergePartials`); `finalize`
 * turns one into an Analysis. Serialize with `serializePartial` (typed arrays become base64).
 */
export interface AnalysisPartial {
  version: number;
  params: string;
  limits: AnalysisLimits;
  fileName: string | null;
  format: string;
  fields: FieldMapping;
  bytes: number;
  lines: number;
  records: number;
  malformed: number;
  malformedExamples: { line: number; message: string }[];
  emptyText: number;
  /** Identifiers a spreadsheet turned into rounded scientific notation ("5.70306E+17"). */
  mangledIds: { count: number; example: string | null };
  index: RecordIndex;
  labels: { names: string[]; counts: number[]; missing: number; overflow: number };
  confidence: { present: number; low: number };
  provenance: {
    present: Record<'source' | 'createdAt' | 'license' | 'synthetic' | 'generator', number>;
    syntheticTrue: number;
    syntheticWithoutGenerator: number;
    examples: number[];
  };
  markers: { records: number; kinds: Record<MarkerKind, number>; examples: Example[] };
  /**
   * Style-score histogram of records with text and no marker: `SCORE_BINS` counts for each of two
   * halves of the records (split by a hash of the text), for the reference self-test.
   */
  scores: number[];
  /** Self-repetition: `sum` of per-record repeated-shingle shares in millionths (an integer). */
  repetition: { sum: number; records: number; looping: number; examples: number[] };
  pii: { records: number; kinds: Record<PiiKind, number>; examples: Example[] };
  dates: { present: number; unparseable: number; examples: Example[]; days: Map<number, number> };
  budget: { tokens: number; entries: BudgetEntry[] };
  /** The spot-check review pool; present only when folded with `AnalyzeOptions.spotCheck`. */
  spotPool?: SpotPool;
  /**
   * The keyed Bernoulli style sample, when the sample is big enough that not every record is
   * scored: `scores` (and per-source scores) then count only the records it picked.
   */
  styleSampling?: StyleSampling;
  /**
   * Per-source counts, when a source field is mapped (absent from partials stored before they
   * existed, and then `bySource` is not reported).
   */
  sources?: SourceCounts;
  /** The keyed bounded sample whose languages finalize detects (absent from older partials). */
  languages?: LanguageSample;
  /** Per-image state of an image archive (`format: "images"`); absent for text samples. */
  images?: ImagePartial;
}
