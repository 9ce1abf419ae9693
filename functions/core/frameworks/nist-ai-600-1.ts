import type { Framework } from './types';

/**
 * NIST AI 600-1 (Generative AI Profile of the AI RMF), the risks of section 2 that training data
 * carries. Titles are our paraphrases of the risk names.
 */
export const nistAi6001: Framework = {
  id: 'nist-ai-600-1',
  title: 'NIST AI 600-1: data-related generative AI risks',
  source: {
    title:
      'Artificial Intelligence Risk Management Framework: Generative Artificial Intelligence Profile (NIST AI 600-1)',
    publisher: 'National Institute of Standards and Technology',
    date: '2024-07',
    url: 'https://doi.org/10.6028/NIST.AI.600-1',
  },
  items: [
    {
      id: 'data-privacy',
      ref: '§ 2.4 Data Privacy',
      title: 'Personal data in the training data',
      questions: ['personal_data', 'personal_data_protection', 'consent_records'],
      measurements: ['pii'],
    },
    {
      id: 'bias-homogenization',
      ref: '§ 2.6 Harmful Bias and Homogenization',
      title: 'Narrowing diversity, lost rare cases and model-written data',
      questions: [
        'synthetic_share_percent',
        'synthetic_generation_depth',
        'real_data_policy',
        'rare_cases_preservation',
      ],
      measurements: ['diversity', 'synthetic', 'duplicates.nearRate', 'labels'],
    },
    {
      id: 'information-integrity',
      ref: '§ 2.8 Information Integrity',
      title: 'Provenance of content, including machine-generated content',
      questions: [
        'synthetic_records_tagged',
        'provenance_fields',
        'provenance_standard',
        'lineage',
      ],
      measurements: ['provenance', 'synthetic'],
    },
    {
      id: 'intellectual-property',
      ref: '§ 2.10 Intellectual Property',
      title: 'Licences, third-party rights and opt-outs',
      questions: ['license', 'third_party_ip', 'do_not_train_honoured', 'origin_licensed_percent'],
      measurements: [],
    },
    {
      id: 'value-chain',
      ref: '§ 2.12 Value Chain and Component Integration',
      title: 'Third-party data in the supply chain',
      questions: ['upstream_suppliers', 'lineage', 'dataset_owner', 'audit_frequency'],
      measurements: ['provenance'],
    },
  ],
};
