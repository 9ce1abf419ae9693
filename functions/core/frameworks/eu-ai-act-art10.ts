import type { Framework } from './types';

/**
 * EU AI Act, Article 10 (data and data governance for high-risk AI systems): paragraphs 2(a)–(h)
 * and 3–5. Item titles are our paraphrases; read the Regulation for the text.
 */
export const euAiActArt10: Framework = {
  id: 'eu-ai-act-art10',
  title: 'EU AI Act, Article 10: data and data governance',
  source: {
    title: 'Regulation (EU) 2024/1689 (Artificial Intelligence Act), Article 10',
    publisher: 'European Parliament and Council of the European Union',
    date: '2024-06-13',
    url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
  },
  items: [
    {
      id: 'art10-2a',
      ref: 'Art. 10(2)(a)',
      title: 'Design choices for the data',
      questions: ['intended_uses', 'dataset_description'],
      measurements: [],
    },
    {
      id: 'art10-2b',
      ref: 'Art. 10(2)(b)',
      title: 'How the data were collected and where they come from',
      questions: [
        'collection_methods',
        'origin_human_percent',
        'origin_public_web_percent',
        'origin_licensed_percent',
        'lineage',
        'upstream_suppliers',
        'consent_records',
      ],
      measurements: ['provenance'],
    },
    {
      id: 'art10-2c',
      ref: 'Art. 10(2)(c)',
      title: 'Preparation: annotation, labelling, cleaning, enrichment, aggregation',
      questions: [
        'labelers',
        'model_labeled_share_percent',
        'label_audit',
        'dedup_method',
        'near_duplicate_rate_percent',
      ],
      measurements: ['duplicates.nearRate', 'labels'],
    },
    {
      id: 'art10-2d',
      ref: 'Art. 10(2)(d)',
      title: 'Assumptions about what the data measure and represent',
      questions: ['dataset_description', 'known_gaps', 'intended_uses'],
      measurements: [],
    },
    {
      id: 'art10-2e',
      ref: 'Art. 10(2)(e)',
      title: 'Availability, quantity and suitability of the data',
      questions: ['record_count', 'dataset_size_gb'],
      measurements: ['records', 'diversity'],
    },
    {
      id: 'art10-2f',
      ref: 'Art. 10(2)(f)',
      title: 'Examination of possible biases',
      questions: [
        'rare_cases_preservation',
        'synthetic_share_percent',
        'synthetic_generation_depth',
        'real_data_policy',
      ],
      measurements: ['labels', 'diversity', 'synthetic'],
    },
    {
      id: 'art10-2g',
      ref: 'Art. 10(2)(g)',
      title: 'Measures to detect, prevent and mitigate those biases',
      questions: [
        'rare_cases_preservation',
        'synthetic_max_share_per_task',
        'synthetic_verification',
        'feedback_loop_review',
      ],
      measurements: [],
    },
    {
      id: 'art10-2h',
      ref: 'Art. 10(2)(h)',
      title: 'Data gaps and shortcomings, and how they are addressed',
      questions: ['known_gaps', 'refresh_cadence'],
      measurements: ['freshness'],
      claims: ['collection_oldest_date', 'collection_newest_date'],
    },
    {
      id: 'art10-3',
      ref: 'Art. 10(3)',
      title: 'Relevant, representative, as free of errors and as complete as possible',
      questions: [
        'quality_requirements_documented',
        'agreement_measured',
        'agreement_result',
        'label_audit',
        'holdout_exists',
        'holdout_synthetic_free',
        'contamination_checks',
      ],
      measurements: ['duplicates.exactRate', 'labels', 'contamination', 'provenance'],
      claims: ['near_duplicate_rate_percent'],
    },
    {
      id: 'art10-4',
      ref: 'Art. 10(4)',
      title: 'The geographical, contextual, behavioural or functional setting of use',
      questions: ['intended_uses', 'languages', 'modalities'],
      measurements: ['languages'],
    },
    {
      id: 'art10-5',
      ref: 'Art. 10(5)',
      title: 'Special categories of personal data processed to correct bias',
      questions: ['personal_data', 'personal_data_protection'],
      measurements: ['pii'],
    },
  ],
};
