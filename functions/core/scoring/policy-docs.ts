import { factorCatalog } from './factor-catalog';
import { defaultThresholds, defaultTiers, defaultTolerances, defaultWeights } from './policy';

type Setting<K extends string> = { key: K; default: number; reason: string };

const thresholdReasons: Record<keyof typeof defaultThresholds, string> = {
  replaceFloor:
    'Half the replacement weight applies even without synthetic data today: a replacing pipeline collapses as soon as synthetic data enters it.',
  nearDuplicateFullPercent:
    'Deduplicated web corpora keep a few percent near-duplicates; 20 % means deduplication did not happen.',
  holdoutFreshMonths: 'Twice-yearly refreshes keep holdouts ahead of crawl and training leakage.',
  holdoutStaleMonths:
    'A holdout older than two years has likely leaked and no longer reflects current data.',
  dataStaleMonths: 'Data up to two years old is current for most language tasks.',
  dataStaleFullMonths: 'Six years without new data is fully stale.',
  compressionRatioStart:
    'Natural English text compresses about 2.5–3.5× with gzip; above 4× it is unusually repetitive.',
  compressionRatioFull: 'At 8× the sample is dominated by repeated or templated text.',
  mattrStart:
    'Moving-average type-token ratio of ordinary prose lies around 0.7; below 0.6 vocabulary is narrow.',
  mattrFull: 'A MATTR of 0.3 means a handful of words repeat throughout.',
  imbalanceFullRatio: 'At 100:1 the smallest class is at risk of vanishing in the next generation.',
  labelConflictFull:
    'More than 5 % of duplicates with disagreeing labels points to a broken labeling process.',
  contaminationFull: '5 % overlap already inflates benchmark scores noticeably.',
  personalDataFull: '5 % of records with personal data means no systematic scrubbing took place.',
};

const toleranceReasons: Record<keyof typeof defaultTolerances, string> = {
  syntheticSharePoints:
    'Machine-text detection is an estimate; 10 points absorb its error so only clear contradictions count.',
  nearDuplicatePoints:
    'A sample estimates the dataset-wide rate; 2 points cover sampling and MinHash error.',
  exactDuplicatePoints:
    'Exact duplicates after deduplication should be near zero; 1 point allows for sampling artefacts.',
  dateDays: 'A sample may not contain the very first or last records; 90 days allows for that.',
  provenanceShare:
    'A field missing on up to 5 % of records is a data-entry gap, not a false claim.',
  personalDataShare:
    'Pattern-based detection flags some false positives (such as public contact addresses); 1 % absorbs them.',
};

const tierReasons: Record<keyof typeof defaultTiers, string> = {
  moderate: 'One serious factor (such as a high synthetic share) or several small ones.',
  high: 'Several serious factors, or replacement of real data with synthetic data.',
  critical: 'Collapse drivers combine, or the vendor withholds most answers.',
};

const settings = <K extends string>(
  defaults: Record<K, number>,
  reasons: Record<K, string>,
): Setting<K>[] =>
  (Object.keys(defaults) as K[]).map((key) => ({
    key,
    default: defaults[key],
    reason: reasons[key],
  }));

/** The default policy explained: every factor with its weight, formula, reason and remediation. */
export const policyDocs = {
  factors: factorCatalog.map((f) => ({
    id: f.id,
    source: f.source,
    weight: f.weight,
    defaultPoints: defaultWeights[f.weight],
    formula: f.formula,
    reason: f.reason,
    remediation: f.remediation,
  })),
  thresholds: settings(defaultThresholds, thresholdReasons),
  tolerances: settings(defaultTolerances, toleranceReasons),
  tiers: settings(defaultTiers, tierReasons),
};
