/** How a metric's value reads for people: a share in percent, days, or a plain number. */
export type MetricUnit = 'share' | 'days' | 'number';

/** One metric a contract condition may bound: its path and its name in plain words. */
export interface ContractMetric {
  path: string;
  label: string;
  unit: MetricUnit;
  /**
   * What an archive of images gives for it: `measured` (counts, copies, holdout overlap),
   * `lowerBound` (the share of images declaring AI origin in their own bytes: a break when over a
   * maximum, never a pass), or nothing (measured on text only: not measurable for images).
   */
  images?: 'measured' | 'lowerBound';
}

const m = (
  path: string,
  label: string,
  unit: MetricUnit = 'share',
  images?: ContractMetric['images'],
): ContractMetric => ({ path, label, unit, ...(images ? { images } : {}) });

/** Paths into the current delivery's analysis (DESIGN.md "Analysis"). */
export const ANALYSIS_METRICS: readonly ContractMetric[] = [
  m('input.records', 'records', 'number', 'measured'),
  m('input.malformed', 'malformed records', 'number', 'measured'),
  m('duplicates.exactRate', 'exact duplicates', 'share', 'measured'),
  m('duplicates.nearRate', 'near duplicates', 'share', 'measured'),
  m('diversity.distinct1', 'distinct words (distinct-1)'),
  m('diversity.distinct2', 'distinct word pairs (distinct-2)'),
  m('diversity.distinct3', 'distinct word triples (distinct-3)'),
  m('diversity.compressionRatio', 'compression ratio', 'number'),
  m('diversity.mattr', 'variety of words in running text (MATTR)'),
  m('diversity.selfRepetition', 'self-repetition'),
  m('synthetic.declaredShare', 'declared machine-text share'),
  m('synthetic.markerRate', 'records with machine-text markers', 'share', 'lowerBound'),
  m('synthetic.estimatedShare', 'estimated machine-text share', 'share', 'lowerBound'),
  m('synthetic.interval.0', 'machine text (lower bound)', 'share', 'lowerBound'),
  m('synthetic.interval.1', 'machine text (upper bound)'),
  m('labels.normalizedEntropy', 'label balance (normalized entropy)'),
  m('labels.imbalanceRatio', 'label imbalance ratio', 'number'),
  m('labels.conflictRate', 'conflicting labels among duplicates'),
  m('provenance.completeness', 'provenance completeness'),
  m('freshness.medianAgeDays', 'median record age', 'days'),
  m('contamination.overlapRate', 'holdout contamination', 'share', 'measured'),
  m('contamination.exactRate', 'holdout exact overlap', 'share', 'measured'),
  m('pii.recordShare', 'records with personal data'),
  m('languages.undetermined', 'records of undetermined language'),
];

/** Paths into the comparison with the previous delivery (prefixed `compare.`). */
export const COMPARISON_METRICS: readonly ContractMetric[] = [
  m('compare.overlap.exactRate', 'records repeated exactly from the last delivery'),
  m('compare.overlap.nearRate', 'records recycled from the last delivery'),
  m('compare.drift.vocabularyJsd', 'vocabulary drift from the last delivery (JSD)', 'number'),
  m('compare.drift.labelJsd', 'label drift from the last delivery (JSD)', 'number'),
];

/** Paths into one source's `bySource` row (a condition with `source`). */
export const SOURCE_METRICS: readonly ContractMetric[] = [
  m('records', 'records', 'number'),
  m('share', 'share of all records'),
  m('duplicates.exactRate', 'exact duplicates'),
  m('duplicates.nearRate', 'near duplicates'),
  m('synthetic.markerRate', 'records with machine-text markers'),
  m('synthetic.estimatedShare', 'estimated machine-text share'),
  m('pii.recordShare', 'records with personal data'),
  m('freshness.medianAgeDays', 'median record age', 'days'),
];

/** The metric a condition names (`scoped`: it has a `source`), or undefined when unknown. */
export function findMetric(path: string, scoped: boolean): ContractMetric | undefined {
  const list = scoped ? SOURCE_METRICS : [...ANALYSIS_METRICS, ...COMPARISON_METRICS];
  return list.find((x) => x.path === path);
}

/** The valid paths for a condition, for error messages. */
export function validPaths(scoped: boolean): string[] {
  return (scoped ? SOURCE_METRICS : [...ANALYSIS_METRICS, ...COMPARISON_METRICS]).map(
    (x) => x.path,
  );
}
