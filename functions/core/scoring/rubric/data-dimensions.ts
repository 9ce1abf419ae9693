import { isUndisclosed, str } from '../context';
import {
  answered,
  c,
  type DimensionSpec,
  is,
  noLabels,
  noSynthetic,
  PROV,
  picks,
  realFields,
} from './criteria';

/** Provenance, synthetic-data governance, labeling, deduplication: the data itself. */
export const dataDimensions: readonly DimensionSpec[] = [
  {
    id: 'provenance',
    title: 'Provenance and lineage',
    critical: true,
    criticalReason:
      'Every other claim, and every later clean-up, depends on knowing where each record came from.',
    levels: [
      { level: 0, summary: 'Origin of the data is not described.', criteria: [] },
      {
        level: 1,
        summary: 'Lineage is described in prose.',
        criteria: [answered('lineage', 'Lineage (derived-from datasets) is described')],
      },
      {
        level: 2,
        summary: 'Records carry their source and creation method.',
        criteria: [
          c(PROV, 'Every record carries source and creation method', (x) =>
            ['source', 'creation_method'].every((f) => picks(x, PROV).includes(f)),
          ),
        ],
      },
      {
        level: 3,
        summary:
          'Most provenance fields are on every record and metadata follows a published standard.',
        criteria: [
          c(
            PROV,
            'At least four of the five provenance fields on every record',
            (x) => realFields(x).length >= 4,
          ),
          is(
            'provenance_standard',
            ['dta', 'croissant', 'datasheet'],
            'Metadata published as Data Provenance Standards, Croissant or a datasheet',
          ),
        ],
      },
      {
        level: 4,
        summary: 'Full record-level provenance, confirmed by the sample.',
        criteria: [
          c(PROV, 'All five provenance fields on every record', (x) => realFields(x).length === 5),
          c(
            PROV,
            'Sample provenance complete within tolerance',
            (x) =>
              x.training !== undefined &&
              x.training.provenance.completeness >= 1 - x.policy.tolerances.provenanceShare,
          ),
        ],
      },
    ],
  },
  {
    id: 'synthetic_governance',
    title: 'Synthetic-data governance',
    critical: true,
    criticalReason: 'Synthetic data replacing real data is the direct driver of model collapse.',
    levels: [
      { level: 0, summary: 'The synthetic share is not disclosed.', criteria: [] },
      {
        level: 1,
        summary: 'The synthetic share is disclosed.',
        criteria: [answered('synthetic_share_percent', 'Synthetic share disclosed')],
      },
      {
        level: 2,
        summary: 'Synthetic records are tagged and the real-data policy is stated.',
        criteria: [
          c(
            'synthetic_records_tagged',
            'Every synthetic record tagged (or none exist)',
            (x) => str(x.answers, 'synthetic_records_tagged') === 'all' || noSynthetic(x),
          ),
          answered('real_data_policy', 'Real-data policy (accumulate or replace) stated'),
        ],
      },
      {
        level: 3,
        summary: 'Real data accumulates across releases and synthetic data is verified.',
        criteria: [
          is(
            'real_data_policy',
            ['accumulate'],
            'Each release keeps earlier real data (accumulate)',
          ),
          c(
            'synthetic_verification',
            'Synthetic records verified before release (or none exist)',
            (x) =>
              noSynthetic(x) ||
              (picks(x, 'synthetic_verification').length > 0 &&
                !picks(x, 'synthetic_verification').includes('none')),
          ),
        ],
      },
      {
        level: 4,
        summary:
          'No recursive generation, human or ground-truth verification, and the sample confirms the share.',
        criteria: [
          is(
            'synthetic_generation_depth',
            ['no_synthetic', 'human_trained'],
            'Generators trained on human data only',
          ),
          c(
            'synthetic_verification',
            'Human review or ground-truth checks of synthetic records (or none exist)',
            (x) =>
              noSynthetic(x) ||
              picks(x, 'synthetic_verification').some(
                (v) => v === 'human_review' || v === 'ground_truth',
              ),
          ),
          c(
            'synthetic_share_percent',
            'A training sample was analyzed and agrees with the claimed share',
            (x) => x.training !== undefined,
          ),
        ],
      },
    ],
  },
  {
    id: 'labeling',
    title: 'Labeling quality',
    critical: false,
    levels: [
      { level: 0, summary: 'Who labels the data is not disclosed.', criteria: [] },
      {
        level: 1,
        summary: 'Labelers are disclosed.',
        criteria: [answered('labelers', 'Labelers disclosed')],
      },
      {
        level: 2,
        summary: 'Labels are audited by people.',
        criteria: [
          c(
            'label_audit',
            'Sampled or full human label audit (or no labels)',
            (x) => noLabels(x) || ['sampled', 'full'].includes(str(x.answers, 'label_audit') ?? ''),
          ),
        ],
      },
      {
        level: 3,
        summary: 'Agreement is measured and the model-labeled share is known.',
        criteria: [
          c(
            'agreement_measured',
            'Inter-annotator agreement measured (or no labels)',
            (x) => noLabels(x) || str(x.answers, 'agreement_measured') === 'yes',
          ),
          answered('model_labeled_share_percent', 'Model-labeled share disclosed'),
        ],
      },
      {
        level: 4,
        summary:
          'Every label reviewed, or audited with reported agreement; the sample shows few conflicts.',
        criteria: [
          c(
            'label_audit',
            'Full review, or sampled audit with agreement reported (or no labels)',
            (x) =>
              noLabels(x) ||
              str(x.answers, 'label_audit') === 'full' ||
              (str(x.answers, 'label_audit') === 'sampled' &&
                !isUndisclosed(x.answers, 'agreement_result')),
          ),
          c(
            'label_audit',
            'Sample label conflicts below the policy threshold',
            (x) => (x.training?.labels?.conflictRate ?? 0) < x.policy.thresholds.labelConflictFull,
          ),
        ],
      },
    ],
  },
  {
    id: 'dedup_diversity',
    title: 'Deduplication and diversity',
    critical: false,
    levels: [
      { level: 0, summary: 'Duplicates are not removed, or this is not disclosed.', criteria: [] },
      {
        level: 1,
        summary: 'Duplicates are removed.',
        criteria: [is('dedup_method', ['exact', 'near'], 'Exact or near-duplicate removal')],
      },
      {
        level: 2,
        summary: 'The remaining near-duplicate rate is reported.',
        criteria: [
          answered(
            'near_duplicate_rate_percent',
            'Near-duplicate rate after deduplication disclosed',
          ),
        ],
      },
      {
        level: 3,
        summary: 'Near-duplicates are removed and rare cases deliberately preserved.',
        criteria: [
          is('dedup_method', ['near'], 'Near-duplicate removal'),
          answered(
            'rare_cases_preservation',
            'Preservation of rare classes and edge cases described',
          ),
        ],
      },
      {
        level: 4,
        summary: 'The sample confirms the reported near-duplicate rate.',
        criteria: [
          c(
            'near_duplicate_rate_percent',
            'A training sample was analyzed and agrees with the claimed rate',
            (x) => x.training !== undefined,
          ),
        ],
      },
    ],
  },
];
