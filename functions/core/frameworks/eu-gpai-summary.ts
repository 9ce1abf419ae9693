import type { Framework } from './types';

/**
 * The European Commission's template for the public summary of training content of general-purpose
 * AI models (AI Act Art. 53(1)(d)). Sections 1–3; titles are our paraphrases.
 */
export const euGpaiSummary: Framework = {
  id: 'eu-gpai-summary',
  title: 'EU public summary of training content (general-purpose AI)',
  source: {
    title:
      'Explanatory Notice and Template for the Public Summary of Training Content for general-purpose AI models',
    publisher: 'European Commission (AI Office)',
    date: '2025-07-24',
    url: 'https://digital-strategy.ec.europa.eu/en/library/explanatory-notice-and-template-public-summary-training-content-general-purpose-ai-models',
  },
  items: [
    {
      id: 'gpai-1.1',
      ref: 'Section 1.1–1.2',
      title: 'Identification of the provider and the data',
      questions: ['dataset_name', 'dataset_version', 'dataset_owner'],
      measurements: [],
    },
    {
      id: 'gpai-1.3',
      ref: 'Section 1.3',
      title: 'Modalities, overall size and other characteristics (languages)',
      questions: ['modalities', 'record_count', 'dataset_size_gb', 'languages'],
      measurements: ['records', 'languages'],
    },
    {
      id: 'gpai-2.1',
      ref: 'Section 2.1',
      title: 'Publicly available datasets',
      questions: ['lineage', 'upstream_suppliers', 'license'],
      measurements: [],
    },
    {
      id: 'gpai-2.2',
      ref: 'Section 2.2',
      title: 'Private datasets obtained from third parties, licensed or otherwise',
      questions: ['origin_licensed_percent', 'upstream_suppliers', 'license'],
      measurements: [],
    },
    {
      id: 'gpai-2.3',
      ref: 'Section 2.3',
      title: 'Data crawled and scraped from online sources, and the period of collection',
      questions: [
        'origin_public_web_percent',
        'collection_methods',
        'collection_oldest_date',
        'collection_newest_date',
      ],
      measurements: ['freshness'],
    },
    {
      id: 'gpai-2.4',
      ref: 'Section 2.4',
      title: 'User data',
      questions: ['personal_data', 'consent_records'],
      measurements: ['pii'],
    },
    {
      id: 'gpai-2.5',
      ref: 'Section 2.5',
      title: 'Synthetic data',
      questions: ['synthetic_share_percent', 'synthetic_generators', 'synthetic_records_tagged'],
      measurements: ['synthetic'],
    },
    {
      id: 'gpai-2.6',
      ref: 'Section 2.6',
      title: 'Other sources of data',
      questions: ['collection_methods', 'lineage'],
      measurements: [],
    },
    {
      id: 'gpai-3.1',
      ref: 'Section 3.1',
      title: 'Respect of reservations of rights (text and data mining opt-outs)',
      questions: ['do_not_train_honoured', 'third_party_ip'],
      measurements: [],
    },
    {
      id: 'gpai-3.2',
      ref: 'Section 3.2',
      title: 'Removal of illegal or unwanted content',
      questions: ['personal_data_protection'],
      measurements: ['pii'],
    },
  ],
};
