import type { Finding } from '../types';

/** Where a delivery counts as degraded (the policy's thresholds; see `policyDocs`). */
export interface DegradationThresholds {
  /** A diversity drop counts when above this many noise units (spread between random halves). */
  diversityNoiseMultiple: number;
  /** ...and above this share of the previous value (ignores drops too small to matter). */
  diversityMinRelativeDrop: number;
  /** Share of current records that repeat (near-)duplicates of the previous delivery. */
  recycledShareStart: number;
  /** A class vanishes when its previous share predicts at least this many current records. */
  vanishingClassMinExpected: number;
}

/** One metric measured on both deliveries (`metric` is the analysis path). */
export interface MetricChange {
  metric: string;
  previous: number | string | null;
  current: number | string | null;
  /** current − previous (days for dates); null when either side is missing. */
  change: number | null;
  /** Diversity metrics: the spread expected between two deliveries from the same source. */
  noise?: number;
}

/** The comparison of a delivery with the previous one (contract in DESIGN.md). */
export interface DeliveryComparison {
  /** Shares of the current delivery's indexed records that repeat records of the previous one. */
  overlap: { exactRate: number; nearRate: number };
  changes: MetricChange[];
  /** Jensen–Shannon divergence (base 2, 0–1) of word and label distributions. */
  drift: { vocabularyJsd: number; labelJsd: number | null };
  degraded: boolean;
  findings: Finding[];
  /** What was compared: records of each delivery and the equal token budget of diversity metrics. */
  basis: { previousRecords: number; currentRecords: number; diversityTokens: number };
}
