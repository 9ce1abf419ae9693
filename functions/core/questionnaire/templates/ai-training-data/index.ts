import { deepFreeze } from '../../build';
import { references } from '../../sources';
import type { QuestionnaireTemplate } from '../../types';
import { identity, provenance } from './identity-provenance';
import { composition, evaluation, labeling } from './labeling-composition-evaluation';
import { governance, rights } from './rights-governance';
import { collection, synthetic } from './synthetic-collection';

/**
 * "AI training data due diligence", version 1. Published: never edit it; publish version 2 instead
 * (a test pins its digest).
 */
export const aiTrainingDataV1: QuestionnaireTemplate = deepFreeze({
  id: 'ai-training-data',
  version: 1,
  title: 'AI training data due diligence',
  description:
    'Questions drawn from the Data & Trust Alliance Data Provenance Standards, MLCommons Croissant RAI, Datasheets for Datasets, EU AI Act Art. 10, NIST AI RMF and NIST AI 600-1, ISO/IEC 42001 Annex A.7 and the model-collapse literature. Every question accepts "unknown".',
  publishedAt: '2025-01-01',
  sections: [
    identity,
    provenance,
    synthetic,
    collection,
    labeling,
    composition,
    evaluation,
    rights,
    governance,
  ],
  rules: [
    {
      kind: 'sum_at_most',
      questionIds: [
        'origin_human_percent',
        'origin_licensed_percent',
        'origin_public_web_percent',
        'synthetic_share_percent',
      ],
      max: 100,
    },
    { kind: 'date_order', earlier: 'collection_oldest_date', later: 'collection_newest_date' },
  ],
  references,
});
