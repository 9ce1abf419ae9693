import { q } from '../../build';
import type { Section } from '../../types';

/** Section 5: who labels and how label quality is checked. */
export const labeling: Section = {
  id: 'labeling',
  title: 'Labeling',
  description:
    'Labels, ratings and annotations attached to records. Answer "no labels" if there are none.',
  questions: [
    q.single(
      'labelers',
      'Who assigns the labels?',
      [
        ['experts', 'Domain experts'],
        ['crowd', 'Crowd workers'],
        ['model', 'A model'],
        ['mixed', 'A mix of people and models'],
        ['no_labels', 'The dataset has no labels'],
      ],
      {
        required: true,
        sources: [
          ['croissant-rai', 'rai:dataAnnotationProtocol, rai:dataAnnotationPlatform'],
          ['datasheets', 'Preprocessing/cleaning/labeling'],
          ['eu-ai-act', 'Art. 10(2)(c)'],
        ],
      },
    ),
    q.percent('model_labeled_share_percent', 'Share of labels assigned by a model', {
      required: true,
      sources: [
        ['croissant-rai', 'rai:machineAnnotationTools'],
        ['nist-ai-600-1', 'Harmful Bias and Homogenization'],
        'shumailov-2024',
      ],
    }),
    q.number('annotators_per_item', 'Average number of annotators per labeled item', {
      min: 0,
      unit: 'annotators',
      sources: [['croissant-rai', 'rai:annotationsPerItem']],
    }),
    q.yesNo('agreement_measured', 'Is inter-annotator agreement measured?', {
      required: true,
      sources: [
        ['croissant-rai', 'rai:dataAnnotationAnalysis'],
        ['iso-42001', 'A.7.4 Quality of data'],
      ],
    }),
    q.short(
      'agreement_result',
      'Agreement metric and latest result (for example "Krippendorff alpha 0.81")',
      {
        sources: [['croissant-rai', 'rai:dataAnnotationAnalysis']],
      },
    ),
    q.single(
      'label_audit',
      'Are labels audited by people?',
      [
        ['none', 'No audit'],
        ['sampled', 'A random sample is audited'],
        ['full', 'Every label is reviewed'],
      ],
      {
        required: true,
        sources: [
          ['iso-42001', 'A.7.4 Quality of data'],
          ['eu-ai-act', 'Art. 10(3)'],
          ['nist-ai-rmf', 'MEASURE 2.5'],
        ],
      },
    ),
  ],
};

/** Section 6: duplicates, diversity and the tails of the distribution. */
export const composition: Section = {
  id: 'composition',
  title: 'Composition',
  description:
    'Duplicates and how rare cases survive cleaning; collapse erodes the tails of a distribution first.',
  questions: [
    q.single(
      'dedup_method',
      'How are duplicates removed?',
      [
        ['none', 'They are not removed'],
        ['exact', 'Exact duplicates only'],
        ['near', 'Near-duplicates too (MinHash, embeddings or similar)'],
      ],
      {
        required: true,
        sources: [
          'lee-2022',
          ['datasheets', 'Composition: redundancies'],
          ['iso-42001', 'A.7.6 Data preparation'],
        ],
      },
    ),
    q.percent(
      'near_duplicate_rate_percent',
      'Share of records that are near-duplicates of another record, after deduplication',
      {
        required: true,
        sources: ['lee-2022', ['eu-ai-act', 'Art. 10(3)']],
      },
    ),
    q.long(
      'rare_cases_preservation',
      'How are rare classes and edge cases preserved through filtering and sampling?',
      {
        required: true,
        sources: [
          'dohmatob-2024',
          ['eu-ai-act', 'Art. 10(2)(f), 10(3)'],
          ['croissant-rai', 'rai:dataBiases'],
        ],
      },
    ),
    q.long('known_gaps', 'Known biases, gaps and limitations', {
      sources: [
        ['eu-ai-act', 'Art. 10(2)(h)'],
        ['croissant-rai', 'rai:dataLimitations, rai:dataBiases'],
        ['datasheets', 'Composition'],
      ],
    }),
  ],
};

/** Section 7: holdouts that stay clean and fresh, so degradation shows. */
export const evaluation: Section = {
  id: 'evaluation',
  title: 'Evaluation hygiene',
  description:
    'Holdout sets that are refreshed, free of synthetic data, collected separately and checked for contamination.',
  questions: [
    q.yesNo('holdout_exists', 'Do you keep holdout sets that are never used for training?', {
      required: true,
      sources: [
        ['nist-ai-rmf', 'MEASURE 2.5'],
        ['iso-42001', 'A.7.2 Data for development and enhancement'],
      ],
    }),
    q.number('holdout_refresh_months', 'Months between holdout refreshes', {
      required: true,
      min: 0,
      unit: 'months',
      help: 'Answer 0 if a fresh holdout is collected for every release.',
      sources: [
        ['nist-ai-rmf', 'MEASURE 2.5'],
        ['nist-ai-600-1', 'Information Integrity'],
      ],
    }),
    q.yesNo('holdout_synthetic_free', 'Are holdout sets free of synthetic records?', {
      required: true,
      sources: ['shumailov-2024', ['nist-ai-600-1', 'Information Integrity']],
    }),
    q.yesNo(
      'holdout_separate_sources',
      'Are holdout sets collected from sources separate from the training data?',
      {
        required: true,
        sources: [
          ['nist-ai-rmf', 'MEASURE 2.5'],
          ['eu-ai-act', 'Art. 10(1)'],
        ],
      },
    ),
    q.multi(
      'contamination_checks',
      'Which contamination checks do you run?',
      [
        ['training_overlap', 'Holdout against training data'],
        ['public_benchmarks', 'Training data against public benchmarks'],
        ['none', 'None'],
      ],
      {
        required: true,
        exclusive: ['none'],
        sources: [
          ['nist-ai-600-1', 'Information Integrity; Confabulation'],
          ['nist-ai-rmf', 'MEASURE 2.5'],
        ],
      },
    ),
  ],
};
