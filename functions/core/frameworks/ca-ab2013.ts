import type { Framework } from './types';

/**
 * California AB 2013 (Generative Artificial Intelligence Training Data Transparency, Civil Code
 * § 3111(a)(1)–(12)): the twelve items a developer must disclose about its training data. Titles
 * are our paraphrases.
 */
export const caAb2013: Framework = {
  id: 'ca-ab2013',
  title: 'California AB 2013: training data transparency',
  source: {
    title: 'Assembly Bill No. 2013 (2024), Civil Code § 3111',
    publisher: 'California State Legislature',
    date: '2024-09-28',
    url: 'https://leginfo.legislature.ca.gov/faces/billTextClient.xhtml?bill_id=202320240AB2013',
  },
  items: [
    {
      id: 'ab2013-1',
      ref: '§ 3111(a)(1)',
      title: 'Sources or owners of the datasets',
      questions: ['dataset_owner', 'upstream_suppliers', 'lineage'],
      measurements: ['provenance'],
    },
    {
      id: 'ab2013-2',
      ref: '§ 3111(a)(2)',
      title: 'How the datasets further the intended purpose',
      questions: ['intended_uses', 'dataset_description'],
      measurements: [],
    },
    {
      id: 'ab2013-3',
      ref: '§ 3111(a)(3)',
      title: 'Number of data points (ranges may do)',
      questions: ['record_count'],
      measurements: ['records'],
    },
    {
      id: 'ab2013-4',
      ref: '§ 3111(a)(4)',
      title: 'Types of data points (labels or general characteristics)',
      questions: ['modalities', 'dataset_description', 'labelers'],
      measurements: ['labels'],
    },
    {
      id: 'ab2013-5',
      ref: '§ 3111(a)(5)',
      title:
        'Whether the data include copyrighted, trademarked or patented material, or are public domain',
      questions: ['third_party_ip', 'license'],
      measurements: [],
    },
    {
      id: 'ab2013-6',
      ref: '§ 3111(a)(6)',
      title: 'Whether the datasets were purchased or licensed',
      questions: ['origin_licensed_percent', 'license'],
      measurements: [],
    },
    {
      id: 'ab2013-7',
      ref: '§ 3111(a)(7)',
      title: 'Whether the datasets include personal information',
      questions: ['personal_data'],
      measurements: ['pii'],
    },
    {
      id: 'ab2013-8',
      ref: '§ 3111(a)(8)',
      title: 'Whether the datasets include aggregate consumer information',
      questions: ['personal_data', 'consent_records'],
      measurements: [],
    },
    {
      id: 'ab2013-9',
      ref: '§ 3111(a)(9)',
      title: 'Cleaning, processing or other modification, and its purpose',
      questions: ['dedup_method', 'near_duplicate_rate_percent', 'label_audit'],
      measurements: ['duplicates.nearRate', 'duplicates.exactRate'],
    },
    {
      id: 'ab2013-10',
      ref: '§ 3111(a)(10)',
      title: 'The period in which the data were collected, and whether collection is ongoing',
      questions: ['collection_oldest_date', 'collection_newest_date', 'refresh_cadence'],
      measurements: ['freshness'],
    },
    {
      id: 'ab2013-11',
      ref: '§ 3111(a)(11)',
      title: 'The dates the datasets were first used in development',
      questions: [],
      measurements: [],
      gap: "The model's developer knows when it first used the data; a vendor questionnaire cannot answer it.",
    },
    {
      id: 'ab2013-12',
      ref: '§ 3111(a)(12)',
      title: 'Whether synthetic data generation was or is used',
      questions: ['synthetic_share_percent', 'synthetic_generators', 'synthetic_records_tagged'],
      measurements: ['synthetic'],
    },
  ],
};
