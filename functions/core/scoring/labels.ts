/**
 * The words people read for scoring ids: each risk factor's name and each policy setting's label.
 * Ids stay in JSON; screens, exports and messages use these (see STYLE.md, "one vocabulary").
 */
import type { defaultThresholds, defaultTiers, defaultTolerances, WeightId } from './policy';

/** Names of risk factors and of the policy weights that share their ids. */
export const factorNames: Record<WeightId | string, string> = {
  synthetic_share: 'Synthetic share',
  real_data_replaced: 'Real data replaced between releases',
  recursive_generation: 'Generators trained on synthetic data',
  synthetic_untagged: 'Synthetic records not tagged',
  model_labels_unaudited: 'Model labels without human audit',
  no_dedup: 'No deduplication',
  near_duplicates: 'Near-duplicates after deduplication',
  near_duplicates_measured: 'Near-duplicates measured above the claim',
  no_holdout: 'No holdout set',
  stale_holdout: 'Holdout rarely refreshed',
  synthetic_holdout: 'Synthetic data in the holdout',
  no_provenance_fields: 'Provenance fields missing',
  stale_data: 'Stale data',
  machine_text_signals: 'Machine-text signals above the claim',
  low_diversity: 'Low diversity',
  label_imbalance: 'Label imbalance',
  rare_classes_missing: 'Rare classes missing',
  label_conflicts: 'Conflicting labels on duplicates',
  missing_provenance: 'Provenance missing in the sample',
  holdout_contamination: 'Holdout overlaps training',
  echo_outputs_sold: 'Your own model outputs sold back',
  eval_contamination: 'Evaluation set contamination',
  personal_data: 'Personal data in the sample',
  synthetic_share_understated: 'Synthetic share understated',
  near_duplicates_understated: 'Near-duplicate rate understated',
  tagging_contradicted: 'Tagging claim contradicted',
  dedup_contradicted: 'Deduplication claim contradicted',
  freshness_contradicted: 'Collection dates contradicted',
  holdout_synthetic_contradicted: 'Synthetic-free holdout claim contradicted',
  provenance_contradicted: 'Provenance claim contradicted',
  personal_data_contradicted: '"No personal data" claim contradicted',
  languages_contradicted: 'Declared languages contradicted',
  image_manifest_invalid: 'Image provenance manifests that fail validation',
  image_training_prohibited: 'Images that prohibit AI training',
  no_sample: 'No sample analyzed',
  no_holdout_sample: 'No holdout sample analyzed',
  undisclosed_claim: 'Undisclosed answers on scored questions',
  unanswered_question: 'Unanswered questions',
  evasion_contradicted: 'Undisclosed answers the sample contradicts',
  // Factors other branches add (evidence strength, delivery comparison), named ahead of the merge.
  synthetic_unverified: 'Synthetic share claim unverified',
  synthetic_share_unverified: 'Synthetic share claim unverified',
  delivery_degradation: 'Degradation since the last delivery',
};

/** Labels of the policy's thresholds. */
export const thresholdLabels: Record<keyof typeof defaultThresholds, string> &
  Record<string, string> = {
  replaceFloor: 'Replacement floor (share of the weight)',
  nearDuplicateFullPercent: 'Near-duplicate rate at full weight (%)',
  holdoutFreshMonths: 'Holdout fresh up to (months)',
  holdoutStaleMonths: 'Holdout fully stale at (months)',
  dataStaleMonths: 'Data stale from (months)',
  dataStaleFullMonths: 'Data fully stale at (months)',
  compressionRatioStart: 'Compression ratio where low diversity starts',
  compressionRatioFull: 'Compression ratio at full weight',
  mattrStart: 'Vocabulary variety (MATTR) where low diversity starts',
  mattrFull: 'Vocabulary variety (MATTR) at full weight',
  imbalanceFullRatio: 'Label imbalance ratio at full weight',
  labelConflictFull: 'Conflicting-label share at full weight',
  contaminationFull: 'Holdout overlap share at full weight',
  personalDataFull: 'Personal-data share at full weight',
  diversityNoiseMultiple: 'Diversity drop that counts (multiples of the noise)',
  diversityMinRelativeDrop: 'Smallest diversity drop that counts (share)',
  diversityDropFull: 'Diversity drop at full weight (share)',
  syntheticRiseFull: 'Machine-text rise at full weight',
  recycledShareStart: 'Recycled share where degradation starts',
  recycledShareFull: 'Recycled share at full weight',
  vanishingClassMinExpected: 'Records a class needs before its loss counts',
};

/** Labels of the policy's tolerances. */
export const toleranceLabels: Record<keyof typeof defaultTolerances, string> = {
  syntheticSharePoints: 'Synthetic share (percentage points)',
  nearDuplicatePoints: 'Near-duplicate rate (percentage points)',
  exactDuplicatePoints: 'Exact-duplicate rate (percentage points)',
  dateDays: 'Collection dates (days)',
  provenanceShare: 'Records missing a claimed provenance field (share)',
  personalDataShare: 'Records with personal data (share)',
};

/** Labels of the tier cut-offs. */
export const tierLabels: Record<keyof typeof defaultTiers, string> = {
  moderate: 'Moderate risk from score',
  high: 'High risk from score',
  critical: 'Critical risk from score',
};

/** Every label above in one object, as `GET /api/scoring-method` returns it. */
export const scoringLabels = {
  factors: factorNames,
  thresholds: thresholdLabels,
  tolerances: toleranceLabels,
  tiers: tierLabels,
};
