import type { Framework } from './types';

/** ISO/IEC 42001:2023, Annex A, control group A.7 "Data for AI systems". Titles are our paraphrases. */
export const iso42001A7: Framework = {
  id: 'iso42001-a7',
  title: 'ISO/IEC 42001 Annex A.7: data for AI systems',
  source: {
    title: 'ISO/IEC 42001:2023 Artificial intelligence — Management system, Annex A.7',
    publisher: 'ISO/IEC',
    date: '2023-12',
    url: 'https://www.iso.org/standard/81230.html',
  },
  items: [
    {
      id: 'a7.2',
      ref: 'A.7.2',
      title: 'Data for developing and enhancing the AI system',
      questions: ['dataset_description', 'intended_uses', 'quality_requirements_documented'],
      measurements: ['records'],
    },
    {
      id: 'a7.3',
      ref: 'A.7.3',
      title: 'Acquisition of data',
      questions: ['collection_methods', 'license', 'upstream_suppliers', 'consent_records'],
      measurements: [],
    },
    {
      id: 'a7.4',
      ref: 'A.7.4',
      title: 'Quality of data',
      questions: [
        'quality_requirements_documented',
        'agreement_measured',
        'label_audit',
        'near_duplicate_rate_percent',
      ],
      measurements: ['duplicates.nearRate', 'labels', 'contamination'],
    },
    {
      id: 'a7.5',
      ref: 'A.7.5',
      title: 'Data provenance',
      questions: [
        'provenance_fields',
        'provenance_standard',
        'lineage',
        'synthetic_records_tagged',
      ],
      measurements: ['provenance'],
      claims: ['synthetic_share_percent'],
    },
    {
      id: 'a7.6',
      ref: 'A.7.6',
      title: 'Data preparation',
      questions: ['dedup_method', 'labelers', 'model_labeled_share_percent'],
      measurements: ['duplicates.exactRate', 'duplicates.nearRate'],
    },
  ],
};
