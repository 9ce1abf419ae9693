import type { EvidenceStrength } from './types';

const ALL: readonly EvidenceStrength[] = ['measured', 'reviewed', 'calibrated', 'screening'];

/**
 * The evidence strengths each claim-check factor can rest on, strongest first. Synthetic-share
 * checks depend on the evidence at hand: tags and markers are measured; a finished reviewer
 * spot-check is reviewed; the style model is calibrated with a usable buyer reference and
 * screening without one.
 */
export const claimEvidence: Readonly<Record<string, readonly EvidenceStrength[]>> = {
  synthetic_share_understated: ALL,
  machine_text_signals: ALL,
  synthetic_share_unverified: ['reviewed', 'calibrated', 'screening'],
  tagging_contradicted: ALL,
  holdout_synthetic_contradicted: ALL,
  near_duplicates_understated: ['measured'],
  dedup_contradicted: ['measured'],
  freshness_contradicted: ['measured'],
  provenance_contradicted: ['measured'],
  personal_data_contradicted: ['measured'],
  languages_contradicted: ['measured'],
  image_training_prohibited: ['measured'],
};

/** Labels of the evidence strengths, for people. */
export const evidenceLabels: Readonly<Record<EvidenceStrength, string>> = {
  measured: 'Measured (tags, markers, counts)',
  reviewed: 'Reviewed (a person tagged a random draw of records)',
  calibrated: 'Calibrated (against a buyer reference)',
  screening: 'Screening (style model alone)',
};
