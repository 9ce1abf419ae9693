import { factorCatalog } from './factor-catalog';
import { defaultThresholds, defaultTiers, defaultTolerances, defaultWeights } from './policy';

type Setting<K extends string> = { key: K; default: number; reason: string };

const weightReasons: Record<keyof typeof defaultWeights, string> = {
  synthetic_share:
    'Second largest: a fully synthetic dataset reaches the moderate tier on this alone, but not high, since accumulation still bounds the damage.',
  synthetic_unverified:
    'Small and separate: a style-model reading that no reference or measured fact confirms is a reason to ask, not evidence of a false claim.',
  real_data_replaced:
    'Largest: replacement is the setting in which collapse was shown; with a fully synthetic share it alone passes the moderate cut-off.',
  recursive_generation: 'Compounds the synthetic-share factors rather than standing alone.',
  synthetic_untagged:
    'As serious as recursive generation: untagged synthetic data cannot be managed later.',
  model_labels_unaudited:
    'A fully model-labeled, unaudited dataset is as serious as untagged synthetic data.',
  no_dedup: 'Duplicates hurt, but a buyer can still deduplicate downstream.',
  near_duplicates:
    'A little above no_dedup: a high remaining rate is measured harm, not a missing step.',
  no_holdout:
    'Above stale (8) or synthetic (10) holdouts: without any holdout nothing can be measured.',
  stale_holdout: 'Leakage builds up slowly; less than a synthetic holdout.',
  synthetic_holdout: 'Hides collapse directly, so above a stale holdout.',
  no_provenance_fields:
    'Blocks later clean-up; equal to its measured counterpart, missing_provenance.',
  stale_data: 'Mainly a quality issue, so small.',
  low_diversity: 'An early collapse signal, but lexical metrics vary with domain.',
  label_imbalance: 'Small: imbalance can be intended; missing classes are charged separately.',
  rare_classes_missing: 'Small on its own; together with imbalance it marks lost tails.',
  label_conflicts: 'Measured label noise; as large as low diversity.',
  missing_provenance: 'The measured counterpart of no_provenance_fields.',
  holdout_contamination: 'Large: a contaminated holdout makes every evaluation claim unreliable.',
  personal_data:
    'Legal rather than collapse risk; kept modest so it does not dominate the collapse score.',
  tagging_contradicted: 'Above an honest "none" (10): a false claim costs more than the truth.',
  dedup_contradicted: 'Above an honest "none" (8).',
  freshness_contradicted: 'Dates are easy to get wrong; a small charge.',
  holdout_synthetic_contradicted: 'Above an honest "no" (10).',
  provenance_contradicted: 'Above the 1.6 points each field honestly left out would cost.',
  personal_data_contradicted: 'As large as the measured personal-data factor at its full weight.',
  languages_contradicted:
    'Modest: a language sold but missing, or sold as absent but measured, misleads the buyer about fit, not about collapse.',
  echo_outputs_sold:
    "Large: records matching the buyer's own model outputs are the self-consuming loop itself, measured, not estimated.",
  eval_contamination:
    'As large as holdout contamination: evaluation results on a leaked set are inflated.',
  image_manifest_invalid:
    'As large as missing provenance: a signed record of origin that no longer matches its file undoes the provenance it claimed.',
  image_training_prohibited:
    'As large as holdout contamination: training on files that refuse it in their own metadata is a rights problem a buyer inherits.',
  no_sample:
    'Enough, with a few small factors, to lift a well-answered questionnaire out of the low tier: unchecked claims are not low risk.',
  no_holdout_sample: 'Holdout claims stay unchecked; smaller than a missing training sample.',
  undisclosed_claim:
    'Per question, on top of the worst-answer charge: withholding all 15 scored answers adds 45.',
  unanswered_question: 'Per question: gaps in documentation add up without dominating.',
  evasion_contradicted:
    'Per scored topic at full severity: as much as a discrepancy, because hiding what the sample then shows is worse than either.',
  delivery_degradation:
    'As large as holdout contamination: a delivery measurably worse than the last is the collapse trend itself, not a single symptom.',
};

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
    'Natural text compresses about 2–3.5× with gzip (2.0–2.8 on the self-instruct, Alpaca, Wikipedia and airline-tweet samples); above 4× it is unusually repetitive.',
  compressionRatioFull: 'At 8× the sample is dominated by repeated or templated text.',
  mattrStart:
    'The moving-average type-token ratio of ordinary text lies around 0.7–0.9 (0.71–0.88 on the same samples); below 0.6 the vocabulary is narrow.',
  mattrFull: 'A MATTR of 0.3 means a handful of words repeat throughout.',
  imbalanceFullRatio: 'At 100:1 the smallest class is at risk of vanishing in the next generation.',
  labelConflictFull:
    'More than 5 % of duplicates with disagreeing labels points to a broken labeling process.',
  contaminationFull: '5 % overlap already inflates benchmark scores noticeably.',
  personalDataFull: '5 % of records with personal data means no systematic scrubbing took place.',
  diversityNoiseMultiple:
    'Three times the spread between random halves of each delivery: two interleaved halves of the airline tweets stay within it, every generation of a simulated recursive series exceeds it.',
  diversityMinRelativeDrop:
    'Very large samples have tiny noise; a drop under 3 % is not worth a finding (a recycled half of the airline tweets moved MATTR 0.7 %).',
  diversityDropFull:
    'A 20 % fall in a diversity metric (about two generations of a bigram model fitted to its own output) is full severity.',
  syntheticRiseFull: 'A 30-point rise in the estimated machine-text share is full severity.',
  recycledShareStart:
    "Independent deliveries from one source share a few percent of records (3.4 % between the airline tweets' halves); 20 % is reuse.",
  recycledShareFull: 'Half the delivery repeating the previous one is full severity.',
  vanishingClassMinExpected:
    'A class expected five or more times at its previous share is absent by chance with probability under 1 %.',
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

/**
 * The default policy explained for docs/scoring.md: every factor (weight, formula, reason, remediation)
 * and every weight, threshold, tolerance and tier cut-off with the reason for its default.
 */
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
  weights: settings(defaultWeights, weightReasons),
  thresholds: settings(defaultThresholds, thresholdReasons),
  tolerances: settings(defaultTolerances, toleranceReasons),
  tiers: settings(defaultTiers, tierReasons),
};
