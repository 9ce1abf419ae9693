/** Fixed algorithm parameters; stored in every partial so partials built differently never merge. */
export const PARAMS = {
  version: 2,
  seed: 0x5eed_d11,
  permutations: 128,
  bands: 20,
  rows: 6,
  shingleWords: 5,
  shortCharShingle: 5,
  contaminationWords: 13,
  mattrWindow: 50,
} as const;

/** Probability that a pair with Jaccard similarity `j` shares at least one LSH band. */
export function candidateProbability(
  j: number,
  bands: number = PARAMS.bands,
  rows: number = PARAMS.rows,
) {
  return 1 - (1 - j ** rows) ** bands;
}

/** Tunable limits and thresholds; all have defaults (see DEFAULT_LIMITS). */
export interface AnalysisLimits {
  /** Records kept in the duplicate/contamination index before hash sampling starts. */
  maxIndexedRecords: number;
  /** Sampled 13-gram hashes kept before the sampling rate halves. */
  maxGramHashes: number;
  /** Tokens in the fixed diversity budget. */
  tokenBudget: number;
  /** Estimated Jaccard a candidate pair needs to count as a near duplicate. */
  nearThreshold: number;
  /** Confidence below this counts as low annotator agreement. */
  lowAgreementBelow: number;
  /** Malformed rows fail the analysis when above this share of rows... */
  malformedShare: number;
  /** ...and above this count. */
  malformedMin: number;
  /** Records read before field detection runs. */
  detectionSample: number;
}

/** The defaults behind every limit. */
export const DEFAULT_LIMITS: AnalysisLimits = {
  maxIndexedRecords: 2_000_000,
  maxGramHashes: 8_000_000,
  tokenBudget: 100_000,
  nearThreshold: 0.8,
  lowAgreementBelow: 0.8,
  malformedShare: 0.05,
  malformedMin: 10,
  detectionSample: 200,
};
