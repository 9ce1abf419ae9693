import type { WeightId } from './policy';
import type { FactorSource } from './types';

/** How one factor is computed, why it matters, and what fixes it. */
export interface FactorDoc {
  id: string;
  source: FactorSource;
  /** The policy weight that sets its maximum points. */
  weight: WeightId;
  formula: string;
  reason: string;
  remediation: string;
}

const doc = (
  id: string,
  source: FactorSource,
  weight: WeightId,
  formula: string,
  reason: string,
  remediation: string,
): FactorDoc => ({ id, source, weight, formula, reason, remediation });

const UNDERSTATE =
  'Charged at the same rate as a claim, so understating a share gains nothing: the larger of claim and measurement counts.';

/** Every factor the method can produce, in report order. */
export const factorCatalog: readonly FactorDoc[] = [
  doc(
    'synthetic_share',
    'answer',
    'synthetic_share',
    'weight × claimed synthetic share',
    'Models trained on their own output lose the tails of the distribution and drift (Shumailov et al. 2024; Dohmatob et al. 2024). There is no safe share, so points rise linearly from 0 %.',
    'Lower the synthetic share per task, restore verified human data, and report the share per release.',
  ),
  doc(
    'real_data_replaced',
    'answer',
    'real_data_replaced',
    "weight × (replaceFloor + (1 − replaceFloor) × synthetic share), where synthetic share is the larger of the claim and the measurement's lower bound",
    'Replacing real data with new, partly synthetic data between releases is the setting in which collapse occurs; accumulating real data alongside synthetic data keeps error bounded (Gerstgrasser et al. 2024). The main driver, so the largest weight; the floor applies because a replacing pipeline collapses as soon as synthetic data enters it.',
    "Accumulate: keep every earlier release's verified human data and add new data to it; restore human data dropped in earlier releases.",
  ),
  doc(
    'recursive_generation',
    'answer',
    'recursive_generation',
    'full weight when generators were trained on synthetic output',
    'Self-consuming loops compound generation errors each round (Alemohammad et al. 2024; Shumailov et al. 2024).',
    "Generate from models trained on verified human data and record each generator's training lineage.",
  ),
  doc(
    'synthetic_untagged',
    'answer',
    'synthetic_untagged',
    'weight × (1 untagged, 0.5 partly tagged) when any synthetic data is claimed or measured above tolerance',
    'Untagged synthetic records cannot be filtered or re-weighted downstream, and later crawls mistake them for human data.',
    'Tag every synthetic record with its generator and generation date (Data Provenance Standards: method).',
  ),
  doc(
    'model_labels_unaudited',
    'answer',
    'model_labels_unaudited',
    'weight × model-labeled share × (1 no audit, 0.4 sampled, 0 full)',
    'Labels from a model feed its errors and biases back into training; without human audits they go unnoticed (NIST AI 600-1).',
    'Audit model labels against a human-labeled random sample each release and relabel where agreement is low.',
  ),
  doc(
    'no_dedup',
    'answer',
    'no_dedup',
    'weight × (1 none, 0.5 exact only)',
    'Duplicates over-weight repeated content, raise memorization and shrink effective diversity (Lee et al. 2022).',
    'Remove exact and near-duplicates (MinHash or embeddings) before each release.',
  ),
  doc(
    'near_duplicates',
    'answer',
    'near_duplicates',
    'weight × min(1, claimed near-duplicate rate / nearDuplicateFullPercent)',
    'Near-duplicates remaining after deduplication narrow the distribution a model learns (Lee et al. 2022).',
    'Run near-duplicate removal and report the remaining rate.',
  ),
  doc(
    'near_duplicates_measured',
    'sample',
    'near_duplicates',
    `the measured near-duplicate rate's excess over the claim, within tolerance. ${UNDERSTATE}`,
    'The sample holds more near-duplicates than claimed.',
    'Deduplicate the full dataset with near-duplicate detection and re-measure.',
  ),
  doc(
    'no_holdout',
    'answer',
    'no_holdout',
    'full weight when no holdout set is kept',
    'Without a clean holdout, degradation from synthetic data cannot be measured (NIST AI RMF MEASURE 2.5).',
    'Keep a human-written holdout set that never enters training.',
  ),
  doc(
    'stale_holdout',
    'answer',
    'stale_holdout',
    'weight × position of the refresh interval between holdoutFreshMonths and holdoutStaleMonths',
    'A holdout that is never refreshed leaks into training over time and stops reflecting current data.',
    'Refresh holdout sets at least every holdoutFreshMonths months from sources separate from training.',
  ),
  doc(
    'synthetic_holdout',
    'answer',
    'synthetic_holdout',
    'full weight when holdouts contain synthetic records',
    'Evaluating on synthetic data hides collapse: the model is judged against the distribution it drifted to.',
    'Build holdouts from verified human data only.',
  ),
  doc(
    'no_provenance_fields',
    'answer',
    'no_provenance_fields',
    'weight × share of the five provenance fields (source, creation method, licence, date, transformation history) records lack',
    'Record-level provenance is what lets anyone find and remove synthetic or unlicensed data later (Data Provenance Standards; ISO/IEC 42001 A.7.5).',
    'Attach source, creation method, licence, collection date and transformation history to every record.',
  ),
  doc(
    'stale_data',
    'answer',
    'stale_data',
    "weight × position of the newest record's age between dataStaleMonths and dataStaleFullMonths (the staler of claim and sample)",
    'Stale data misses current language and facts; vendors then top it up with synthetic data.',
    'Refresh the dataset with newly collected human data.',
  ),
  doc(
    'machine_text_signals',
    'sample',
    'synthetic_share',
    `the lower bound of the measured synthetic share's excess over the claim, within tolerance. ${UNDERSTATE}`,
    'The sample shows machine-generated text above the claimed share.',
    'Identify and tag the machine-generated records; lower their share or restore human data.',
  ),
  doc(
    'synthetic_share_unverified',
    'sample',
    'synthetic_unverified',
    'weight × min(1, (estimated share − claimed share) / 100), when the estimate exceeds the claim by more than the tolerance but its lower bound does not',
    'The style model alone reads more machine text than claimed, but no reference or measured fact confirms it (the claim is unverified, not contradicted): model-free estimates err across domains and flag non-native writers.',
    'Attach a known-human reference sample from the same domain to calibrate the estimate, or tag synthetic records so the share is measured.',
  ),
  doc(
    'low_diversity',
    'sample',
    'low_diversity',
    'weight × the worse of: gzip compression ratio between compressionRatioStart and compressionRatioFull; MATTR between mattrStart and mattrFull',
    'Low lexical diversity and high redundancy are early signs of collapse: generated text narrows toward common phrasing.',
    'Add diverse human-written sources and remove templated or repeated text.',
  ),
  doc(
    'label_imbalance',
    'sample',
    'label_imbalance',
    'weight × log(imbalance ratio) / log(imbalanceFullRatio)',
    'Collapse erodes rare classes first (Dohmatob et al. 2024); strong imbalance speeds that up.',
    'Collect more examples of minority classes; re-weight rather than drop them.',
  ),
  doc(
    'rare_classes_missing',
    'sample',
    'rare_classes_missing',
    'full weight when holdout labels are missing from training, half when rare classes were detected',
    'Missing tail classes are the signature of collapsed data (Shumailov et al. 2024).',
    'Restore the missing classes from human sources and keep them through filtering.',
  ),
  doc(
    'label_conflicts',
    'sample',
    'label_conflicts',
    'weight × min(1, conflict rate / labelConflictFull)',
    'Duplicates with disagreeing labels show noisy or model-generated labeling.',
    'Resolve conflicting labels by human adjudication; audit the labeling process.',
  ),
  doc(
    'missing_provenance',
    'sample',
    'missing_provenance',
    'weight × (1 − provenance completeness of the sample)',
    'Records without provenance cannot be checked for synthetic origin, licence or age.',
    'Deliver provenance fields on every record of the sample and the dataset.',
  ),
  doc(
    'holdout_contamination',
    'sample',
    'holdout_contamination',
    'weight × min(1, holdout overlap rate / contaminationFull)',
    'A holdout that overlaps training inflates scores and hides degradation.',
    'Remove holdout records that overlap training (exact or 13-gram) and re-check every release.',
  ),
  doc(
    'personal_data',
    'sample',
    'personal_data',
    'weight × min(1, share of records with personal data / personalDataFull)',
    'Personal data brings legal risk (EU AI Act Art. 10(5), GDPR) and is often scrubbed by regenerating text with models.',
    'Remove or pseudonymize personal data and document the legal basis.',
  ),
  doc(
    'echo_outputs_sold',
    'sample',
    'echo_outputs_sold',
    "weight × max(½, min(1, share of sample records matching an echo fingerprint pack / contaminationFull)); measured (exact, near or 13-gram copies of the buyer's own model outputs)",
    "The vendor sold the buyer its own model's outputs: training on them is the self-consuming loop that causes model collapse (Shumailov et al. 2024).",
    'Remove the matched records and ask the vendor where they came from; require a provenance field for model-generated records.',
  ),
  doc(
    'eval_contamination',
    'sample',
    'eval_contamination',
    'weight × max(½, min(1, share of sample records matching an eval fingerprint pack / contaminationFull)); charged whatever the vendor claimed about holdout hygiene',
    "The buyer's evaluation or holdout questions are in the purchased data: results measured on them are inflated.",
    'Remove the matched records before training, or retire the leaked evaluation set.',
  ),
  doc(
    'delivery_degradation',
    'sample',
    'delivery_degradation',
    'weight × the worst of: recycled share (½ at recycledShareStart, full at recycledShareFull); diversity fall beyond noise (relative fall / diversityDropFull); machine-text rise above the previous interval (rise / syntheticRiseFull); full when a class vanished. Re-assessments only.',
    'Collapse shows across releases before any single report looks bad: each delivery more recycled, more synthetic and less diverse than the last (Shumailov et al. 2024).',
    'Restore the human sources the earlier delivery had; stop re-delivering old records; cap the synthetic share per release.',
  ),
  doc(
    'synthetic_share_understated',
    'discrepancy',
    'synthetic_share',
    `the measured synthetic share's excess over the claim, only when measured facts (synthetic tags, assistant markers) or the lower bound of the estimate's interval exceed the claim by more than the tolerance. ${UNDERSTATE}`,
    'The sample contradicts the claimed synthetic share.',
    'Re-measure the synthetic share across the whole dataset and correct the claim; tag the synthetic records.',
  ),
  doc(
    'near_duplicates_understated',
    'discrepancy',
    'near_duplicates',
    `the measured near-duplicate rate's excess over the claim, beyond tolerance. ${UNDERSTATE}`,
    'The sample contradicts the claimed near-duplicate rate.',
    'Deduplicate again and correct the claim.',
  ),
  doc(
    'tagging_contradicted',
    'discrepancy',
    'tagging_contradicted',
    'full weight when synthetic records are claimed tagged but the sample has no synthetic flags, or flags cover less than the measured share',
    'A tagging claim the sample does not bear out cannot be relied on to filter synthetic data; it weighs more than honestly answering "none".',
    'Add a synthetic flag field to every record and make it agree with the generation logs.',
  ),
  doc(
    'dedup_contradicted',
    'discrepancy',
    'dedup_contradicted',
    'full weight when deduplication is claimed but the sample holds exact duplicates above tolerance',
    'The deduplication step is missing or broken; this weighs more than honestly answering "none".',
    'Fix the deduplication step and re-run it on the full dataset.',
  ),
  doc(
    'freshness_contradicted',
    'discrepancy',
    'freshness_contradicted',
    'full weight when sample dates fall outside the claimed collection window by more than the tolerance',
    'Claimed dates are how buyers judge freshness; a contradicted window undermines every date claim.',
    'Correct the claimed collection dates or deliver a representative sample.',
  ),
  doc(
    'holdout_synthetic_contradicted',
    'discrepancy',
    'holdout_synthetic_contradicted',
    'full weight when holdouts are claimed synthetic-free but the holdout sample shows synthetic data above tolerance',
    'A claim of clean evaluation data that the data contradicts is worse than an honest "no": evaluations built on it are misleading.',
    'Rebuild the holdout from verified human data and re-measure it.',
  ),
  doc(
    'provenance_contradicted',
    'discrepancy',
    'provenance_contradicted',
    'full weight when a provenance field claimed on every record is absent from more than the tolerated share of the sample',
    'Provenance claims are the basis of every other check.',
    'Add the claimed fields to every record or correct the claim.',
  ),
  doc(
    'personal_data_contradicted',
    'discrepancy',
    'personal_data_contradicted',
    'full weight when "no personal data" is claimed but the sample shows it above tolerance',
    'Undeclared personal data is a legal and trust problem.',
    'Scan the dataset for personal data, remove it, and correct the claim.',
  ),
  doc(
    'languages_contradicted',
    'discrepancy',
    'languages_contradicted',
    'full weight when a language measured on at least 10 % of sample records was not declared, or a declared one is below 1 %',
    'A delivery sold as one language that is partly another is a claim the data contradicts.',
    'Correct the declared languages (ISO 639 codes) or filter the records in other languages.',
  ),
  doc(
    'no_sample',
    'missing',
    'no_sample',
    'full weight when no training sample was analyzed',
    'Claims nobody can check are weaker evidence; withholding a sample is itself a signal.',
    'Upload a representative training sample.',
  ),
  doc(
    'no_holdout_sample',
    'missing',
    'no_holdout_sample',
    'full weight when holdouts are claimed but no holdout sample was analyzed',
    'Holdout claims cannot be verified.',
    'Upload a sample of the holdout set.',
  ),
  doc(
    'undisclosed_claim',
    'missing',
    'undisclosed_claim',
    'weight per scored question answered "unknown" or left empty, on top of charging its worst answer',
    'Evasive answers indicate risk; an undisclosed answer never scores better than any honest answer could.',
    'Answer the question; if the information does not exist, collect it.',
  ),
  doc(
    'unanswered_question',
    'missing',
    'unanswered_question',
    'weight per other required question answered "unknown" or left empty',
    'Gaps in documentation are risks of their own (Datasheets for Datasets; EU AI Act Art. 10(2)).',
    'Answer the remaining required questions.',
  ),
  doc(
    'evasion_contradicted',
    'missing',
    'evasion_contradicted',
    'weight × the severity the sample shows, per undisclosed question the sample can check',
    'An evasive answer on a point where the evidence shows trouble weighs more than either alone.',
    'Disclose the facts and address the problem the sample shows.',
  ),
];

/** The catalog entry of a factor id (throws on an id the catalog does not list: a programming error). */
export function factorDoc(id: string): FactorDoc {
  const found = factorCatalog.find((f) => f.id === id);
  if (!found) throw new Error(`unknown factor id ${id}`);
  return found;
}
