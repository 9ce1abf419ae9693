import type { ImagesBlock } from './images/types';
import type { SpotStratum } from './spot-check/types';

/** Severity of a finding, from informational to critical. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** One observation the analyzer makes about a sample, with the evidence behind it. */
export interface Finding {
  id: string;
  severity: Severity;
  message: string;
  evidence: Record<string, unknown>;
}

/** Which record fields the analyzer used (detected or overridden). */
export interface FieldMapping {
  text: string | string[];
  label?: string;
  source?: string;
  createdAt?: string;
  synthetic?: string;
  generator?: string;
  license?: string;
  confidence?: string;
  /** Record identifier, checked for spreadsheet damage (e.g. "5.70306E+17"). */
  id?: string;
}

/** The buyer reference that calibrated a machine-text estimate, and its split-half self-test. */
export interface ReferenceSummary {
  /** A name for people (file or library entry), when known. */
  name?: string;
  /** Reference records with a style score (records with text and no marker). */
  records: number;
  /** Reference records with machine-text markers (a known-human reference should have none). */
  markerRecords: number;
  selfTest: {
    /** False when the halves of the reference do not read ~0 against each other (or too few records). */
    usable: boolean;
    /** The larger lower bound of one half read against the other (≈ 0 for a consistent reference). */
    lowerBound: number;
    message: string;
  };
  /** The uncalibrated (screening) estimate and interval, kept for comparison. */
  screening: { estimatedShare: number; interval: [number, number] };
  /** `two-sided` when a usable machine reference made the estimate a mixture fit; else `human`. */
  mode?: 'human' | 'two-sided';
  /** The known-machine references given, their checks, and whether the two-sided fit was used. */
  machine?: {
    references: {
      name?: string;
      generator: string;
      records: number;
      usable: boolean;
      message: string;
    }[];
    /** Total-variation distance between the (pooled) machine and the human reference scores. */
    separation: number | null;
    usable: boolean;
    method: string;
    message: string;
    /**
     * The sample's departure from the human reference alone (its conservative lower bound), and
     * whether the two-sided estimate was raised to it because the fit read below it.
     */
    departure?: { lowerBound: number; applied: boolean };
  };
}

/** The measured analysis of one sample file: a contract shared with the CLI, API and web app. */
export interface Analysis {
  input: {
    records: number;
    bytes: number;
    format: string;
    fields: FieldMapping;
    malformed: number;
  };
  duplicates: {
    exactRate: number;
    nearRate: number;
    /** `texts`: masked texts of the first examples, added by the portal for reviewers. */
    clusters: { size: number; examples: number[]; texts?: string[] }[];
  };
  diversity: {
    distinct1: number;
    distinct2: number;
    distinct3: number;
    compressionRatio: number;
    mattr: number;
    selfRepetition: number;
  };
  synthetic: {
    declaredShare: number | null;
    markerRate: number;
    estimatedShare: number;
    interval: [number, number];
    method: string;
    /**
     * Style-score histograms (20 bins over 0–1) of the records without markers, for two halves of
     * the records split by a hash of their text: what a reference calibration reads. Absent from
     * analyses stored before it existed.
     */
    scoreHistogram?: [number[], number[]];
    /**
     * Present when the sample was big enough that the style model scored a keyed random subset of
     * the records without markers (each with probability `rate`, fixed before the pass); `scored`
     * records are in the histogram, and `interval` is that of a sample of `scored` records.
     */
    sampling?: { rate: number; scored: number };
    /** Present when a buyer reference calibrated the estimate (`interval` is then calibrated). */
    reference?: ReferenceSummary;
    /** Images only: share of decoded images whose own bytes declare AI origin (a lower bound). */
    evidencedShare?: number;
  };
  labels: null | {
    classes: Record<string, number>;
    normalizedEntropy: number;
    imbalanceRatio: number;
    rareClasses: string[];
    conflictRate: number;
    lowAgreementShare: number | null;
    missingInTraining: string[];
  };
  provenance: {
    completeness: number;
    perField: Record<string, number>;
    syntheticWithoutGenerator: number;
  };
  freshness: null | {
    oldest: string;
    newest: string;
    medianAgeDays: number;
    unparseable: number;
    histogram: { month: string; count: number }[];
  };
  contamination: null | {
    holdoutRecords: number;
    overlapRate: number;
    exactRate: number;
    meanCoverage: number;
  };
  pii: { recordShare: number; kinds: Record<string, number> };
  /**
   * Strata a reviewer spot-check draws from (counts of records with text by machine-likeness, never
   * texts); null when no record has text. Absent from analyses stored before it existed.
   */
  spotCheck?: { strata: SpotStratum[] } | null;
  /**
   * Matches against fingerprint packs of known corpora, one per pack (empty without packs).
   * Absent from analyses stored before it existed: read it with `analysisMatches` (missing = []).
   */
  matches?: FingerprintMatch[];
  findings: Finding[];
  /**
   * Per-source results when a source field is mapped (`input.fields.source`): the 20 largest
   * sources and one `"(other)"` row. Absent without a source field and from older analyses.
   */
  bySource?: SourceRow[];
  /**
   * Languages of the records (ISO 639-1 where one exists, else 639-3), as shares of records,
   * measured on a keyed bounded sample. Absent from analyses stored before it existed.
   */
  languages?: Languages;
  /** The image block of an image archive (`input.format: "images"`); absent for text samples. */
  images?: ImagesBlock;
}

/** Measured languages: shares of records, largest first, and the undetermined share. */
export interface Languages {
  detected: { language: string; share: number }[];
  undetermined: number;
}

/** One source's results (DESIGN.md "Per-source results, languages, delivery contracts"). */
export interface SourceRow {
  source: string;
  records: number;
  /** Share of all records. */
  share: number;
  /**
   * Shares of this source's indexed records that repeat an earlier record anywhere in the sample
   * (exact text) or are near duplicates of one.
   */
  duplicates: { exactRate: number; nearRate: number };
  synthetic: { markerRate: number; estimatedShare: number };
  pii: { recordShare: number };
  freshness: { medianAgeDays: number } | null;
  /** Label counts of this source (its first 50 labels); null without a label field. */
  labels?: Record<string, number> | null;
  /** Languages of this source's records in the language sample; null when none was sampled. */
  languages?: (Languages & { sampled: number }) | null;
}

/** One fingerprint pack's matches in a sample (see fingerprints/match.ts); shares of indexed records. */
export interface FingerprintMatch {
  pack: string;
  kind: 'synthetic' | 'eval' | 'echo';
  /** Sample records matching the pack at all. */
  records: number;
  packRecords: number;
  checked: number;
  exactShare: number;
  nearShare: number;
  matchedShare: number;
  examples: number[];
}

/** The matches of an analysis; an analysis stored before matching existed has none. */
export function analysisMatches(a: Pick<Analysis, 'matches'>): FingerprintMatch[] {
  return a.matches ?? [];
}
