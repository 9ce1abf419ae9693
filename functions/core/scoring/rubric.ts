import type { Analysis } from '../analysis/types';
import type { Answers } from '../questionnaire/types';
import { isUndisclosed, list, num, str } from './context';
import type { Policy } from './policy';

/** What a maturity criterion can look at. */
export interface CriterionCtx {
  answers: Answers;
  policy: Policy;
  training?: Analysis;
  holdout?: Analysis;
}

/** One requirement of a level, tied to the question it reads. */
export interface Criterion {
  questionId: string;
  requirement: string;
  test: (c: CriterionCtx) => boolean;
}

/** A dimension's rubric: level 0 is "none of level 1's requirements met". */
export interface DimensionSpec {
  id: string;
  title: string;
  critical: boolean;
  criticalReason?: string;
  levels: readonly { level: 0 | 1 | 2 | 3 | 4; summary: string; criteria: readonly Criterion[] }[];
}

const c = (questionId: string, requirement: string, test: Criterion['test']): Criterion => ({
  questionId,
  requirement,
  test,
});
const answered = (id: string, requirement: string) =>
  c(id, requirement, (x) => !isUndisclosed(x.answers, id));
const is = (id: string, values: string[], requirement: string) =>
  c(id, requirement, (x) => values.includes(str(x.answers, id) ?? ''));
const picks = (x: CriterionCtx, id: string) => list(x.answers, id) ?? [];
const noSynthetic = (x: CriterionCtx) => num(x.answers, 'synthetic_share_percent') === 0;
const noLabels = (x: CriterionCtx) => str(x.answers, 'labelers') === 'no_labels';
const PROV = 'provenance_fields';
const realFields = (x: CriterionCtx) => picks(x, PROV).filter((f) => f !== 'none');

/** The eight maturity dimensions, each with a written rubric per level (0–4). */
export const dimensionSpecs: readonly DimensionSpec[] = [
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
  {
    id: 'evaluation',
    title: 'Evaluation hygiene',
    critical: true,
    criticalReason:
      'Without clean, fresh holdouts, degradation from synthetic data goes unnoticed.',
    levels: [
      { level: 0, summary: 'No holdout set, or not disclosed.', criteria: [] },
      {
        level: 1,
        summary: 'A holdout set is kept apart from training.',
        criteria: [is('holdout_exists', ['yes'], 'Holdout set kept apart from training')],
      },
      {
        level: 2,
        summary: 'Holdouts are refreshed on a stated schedule and checked for contamination.',
        criteria: [
          answered('holdout_refresh_months', 'Holdout refresh interval disclosed'),
          c(
            'contamination_checks',
            'Contamination checks run',
            (x) =>
              picks(x, 'contamination_checks').length > 0 &&
              !picks(x, 'contamination_checks').includes('none'),
          ),
        ],
      },
      {
        level: 3,
        summary: 'Holdouts are synthetic-free, separately sourced and not stale.',
        criteria: [
          is('holdout_synthetic_free', ['yes'], 'Holdouts free of synthetic records'),
          is('holdout_separate_sources', ['yes'], 'Holdouts collected from separate sources'),
          c(
            'holdout_refresh_months',
            'Refreshed at least every holdoutStaleMonths months',
            (x) =>
              (num(x.answers, 'holdout_refresh_months') ?? Infinity) <=
              x.policy.thresholds.holdoutStaleMonths,
          ),
        ],
      },
      {
        level: 4,
        summary: 'Fresh holdouts, both contamination checks, and a clean holdout sample.',
        criteria: [
          c(
            'holdout_refresh_months',
            'Refreshed at least every holdoutFreshMonths months',
            (x) =>
              (num(x.answers, 'holdout_refresh_months') ?? Infinity) <=
              x.policy.thresholds.holdoutFreshMonths,
          ),
          c('contamination_checks', 'Checked against training data and public benchmarks', (x) =>
            ['training_overlap', 'public_benchmarks'].every((v) =>
              picks(x, 'contamination_checks').includes(v),
            ),
          ),
          c(
            'holdout_synthetic_free',
            'A holdout sample was analyzed with overlap below the policy threshold',
            (x) =>
              x.holdout !== undefined &&
              (x.holdout.contamination?.overlapRate ??
                x.training?.contamination?.overlapRate ??
                0) < x.policy.thresholds.contaminationFull,
          ),
        ],
      },
    ],
  },
  {
    id: 'documentation',
    title: 'Documentation and accountability',
    critical: false,
    levels: [
      { level: 0, summary: 'No named owner.', criteria: [] },
      {
        level: 1,
        summary: 'A dataset owner is named.',
        criteria: [answered('dataset_owner', 'Dataset owner named')],
      },
      {
        level: 2,
        summary: 'Releases are approved against documented quality requirements.',
        criteria: [
          answered('dataset_approver', 'Release approver named'),
          is('quality_requirements_documented', ['yes'], 'Quality requirements documented'),
        ],
      },
      {
        level: 3,
        summary: 'A datasheet is published and the dataset is audited regularly.',
        criteria: [
          is('datasheet_published', ['yes'], 'Datasheet or data card published'),
          is('audit_frequency', ['yearly', 'per_release'], 'Audited at least yearly'),
        ],
      },
      {
        level: 4,
        summary: 'Every release is audited, incidents have a process, suppliers are assessed.',
        criteria: [
          is('audit_frequency', ['per_release'], 'Audited every release'),
          is('incident_process', ['yes'], 'Data incident process documented'),
          answered('upstream_suppliers', 'Upstream suppliers and their assessment described'),
        ],
      },
    ],
  },
  {
    id: 'rights_privacy',
    title: 'Rights and privacy',
    critical: true,
    criticalReason:
      'Data without clear rights or with unprotected personal data cannot be used, whatever its quality.',
    levels: [
      { level: 0, summary: 'No licence stated.', criteria: [] },
      {
        level: 1,
        summary: 'A licence is stated.',
        criteria: [answered('license', 'Licence stated')],
      },
      {
        level: 2,
        summary: 'Personal data and third-party IP are disclosed.',
        criteria: [
          answered('personal_data', 'Presence of personal data disclosed'),
          answered('third_party_ip', 'Third-party IP and clearance described'),
        ],
      },
      {
        level: 3,
        summary: 'Opt-outs honoured, consent recorded, personal data protected.',
        criteria: [
          is('do_not_train_honoured', ['yes'], 'Opt-outs and do-not-train signals honoured'),
          is(
            'consent_records',
            ['all', 'not_applicable'],
            'Consent records for every record that needs one',
          ),
          c(
            'personal_data_protection',
            'Personal data removed, pseudonymized or anonymized (or none present)',
            (x) =>
              picks(x, 'personal_data_protection').some(
                (v) =>
                  ['removed', 'pseudonymized', 'anonymized'].includes(v) ||
                  (v === 'not_applicable' && str(x.answers, 'personal_data') === 'no'),
              ),
          ),
        ],
      },
      {
        level: 4,
        summary: 'The sample confirms the personal-data claim.',
        criteria: [
          c(
            'personal_data',
            'A training sample was analyzed and agrees with the personal-data claim',
            (x) => x.training !== undefined,
          ),
        ],
      },
    ],
  },
  {
    id: 'feedback_monitoring',
    title: 'Monitoring of feedback loops',
    critical: false,
    levels: [
      {
        level: 0,
        summary: 'Nobody checks whether model output flows back into the data.',
        criteria: [],
      },
      {
        level: 1,
        summary: 'Feedback loops are reviewed ad hoc.',
        criteria: [
          is(
            'feedback_loop_review',
            ['ad_hoc', 'scheduled', 'continuous'],
            'Feedback loops reviewed at least ad hoc',
          ),
        ],
      },
      {
        level: 2,
        summary: 'Scheduled reviews and an incident process.',
        criteria: [
          is(
            'feedback_loop_review',
            ['scheduled', 'continuous'],
            'Feedback loops reviewed on a schedule',
          ),
          is('incident_process', ['yes'], 'Data incident process documented'),
        ],
      },
      {
        level: 3,
        summary: 'Fresh real data keeps flowing in and accumulates.',
        criteria: [
          is(
            'refresh_cadence',
            ['yearly', 'quarterly', 'monthly'],
            'Refreshed with newly collected data',
          ),
          is('real_data_policy', ['accumulate'], 'Real data accumulates across releases'),
        ],
      },
      {
        level: 4,
        summary: 'Continuous detection, made possible by tagging every synthetic record.',
        criteria: [
          is('feedback_loop_review', ['continuous'], 'Continuous automated detection'),
          c(
            'synthetic_records_tagged',
            'Every synthetic record tagged (or none exist)',
            (x) => str(x.answers, 'synthetic_records_tagged') === 'all' || noSynthetic(x),
          ),
        ],
      },
    ],
  },
];

/** The rubric as data for the README and UI: each dimension's levels with their requirements. */
export const maturityRubric = dimensionSpecs.map((d) => ({
  id: d.id,
  title: d.title,
  critical: d.critical,
  ...(d.criticalReason ? { criticalReason: d.criticalReason } : {}),
  levels: d.levels.map((l) => ({
    level: l.level,
    summary: l.summary,
    requirements: l.criteria.map((x) => x.requirement),
  })),
}));
