import { num, str } from '../context';
import { answered, c, type DimensionSpec, is, noSynthetic, picks } from './criteria';

/** Evaluation hygiene, documentation, rights and privacy, feedback loops: the practices around it. */
export const practiceDimensions: readonly DimensionSpec[] = [
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
