import { q } from '../../build';
import type { Section } from '../../types';

/** Section 1: what the dataset is and what it is for. */
export const identity: Section = {
  id: 'identity',
  title: 'Dataset identity and intended use',
  description: 'Name the dataset release you are describing and what it is meant to be used for.',
  questions: [
    q.short('dataset_name', 'Dataset name', {
      required: true,
      sources: [
        ['dta-provenance', 'Source: dataset title'],
        ['datasheets', 'Motivation'],
      ],
    }),
    q.short('dataset_version', 'Version or release identifier of this delivery', {
      required: true,
      sources: [
        ['dta-provenance', 'Source: standards version and unique metadata identifier'],
        ['croissant-rai', 'sc:version, rai:dataReleaseMaintenancePlan'],
      ],
    }),
    q.multi(
      'intended_uses',
      'Intended uses of the dataset',
      [
        ['pretraining', 'Pre-training'],
        ['fine_tuning', 'Fine-tuning'],
        ['alignment', 'Alignment (preference or safety tuning)'],
        ['evaluation', 'Evaluation'],
        ['synthetic_generation', 'Generating further synthetic data'],
      ],
      {
        required: true,
        sources: [
          ['dta-provenance', 'Use: intended data use'],
          ['croissant-rai', 'rai:dataUseCases'],
          ['datasheets', 'Uses'],
          ['eu-ai-act', 'Art. 10(3), 10(4)'],
        ],
      },
    ),
    q.number('record_count', 'Number of records in the full dataset', {
      required: true,
      min: 0,
      integer: true,
      unit: 'records',
      sources: [
        ['datasheets', 'Composition'],
        ['eu-ai-act', 'Art. 10(2)(e)'],
      ],
    }),
    q.number('dataset_size_gb', 'Uncompressed size of the full dataset', {
      min: 0,
      unit: 'GB',
      sources: [['datasheets', 'Composition']],
    }),
    q.multi(
      'modalities',
      'Modalities in the dataset',
      [
        ['text', 'Text'],
        ['code', 'Source code'],
        ['image', 'Images'],
        ['audio', 'Audio'],
        ['video', 'Video'],
        ['tabular', 'Tabular data'],
        ['other', 'Other'],
      ],
      {
        required: true,
        sources: [
          ['datasheets', 'Composition'],
          ['dta-provenance', 'Provenance: data format'],
        ],
      },
    ),
    q.short('languages', 'Languages of the content (ISO 639 codes, comma separated)', {
      required: true,
      sources: [
        ['croissant-rai', 'sc:inLanguage'],
        ['datasheets', 'Composition'],
      ],
    }),
    q.long('dataset_description', 'Short description of the dataset and its records', {
      sources: [
        ['dta-provenance', 'Source: description of the dataset'],
        ['datasheets', 'Motivation'],
      ],
    }),
  ],
};

/** Section 2: where records come from and which provenance travels with them. */
export const provenance: Section = {
  id: 'provenance',
  title: 'Sources and provenance',
  description:
    'Shares by origin: count each record under one origin, so the human, licensed, public-web and machine-generated shares (asked in the next section) add up to at most 100. Then the provenance each record carries, and the lineage.',
  questions: [
    q.percent(
      'origin_human_percent',
      'Share of records you collected first-hand from people (primary human data)',
      {
        required: true,
        sources: [
          ['dta-provenance', 'Provenance: method'],
          ['datasheets', 'Collection process'],
          ['eu-ai-act', 'Art. 10(2)(b)'],
        ],
      },
    ),
    q.percent(
      'origin_expert_labeled_percent',
      'Share of records created or reviewed by domain experts (may overlap the other origins)',
      {
        sources: [
          ['datasheets', 'Collection process'],
          ['croissant-rai', 'rai:dataAnnotationProtocol'],
        ],
      },
    ),
    q.percent('origin_licensed_percent', 'Share of records licensed from third parties', {
      sources: [
        ['dta-provenance', 'Provenance: source (if different from issuer)'],
        ['iso-42001', 'A.7.3 Acquisition of data'],
      ],
    }),
    q.percent('origin_public_web_percent', 'Share of records collected from the public web', {
      sources: [
        ['croissant-rai', 'rai:dataCollectionType'],
        ['nist-ai-600-1', 'Intellectual Property; Data Privacy'],
      ],
    }),
    q.multi(
      'provenance_fields',
      'Which provenance fields does every record carry?',
      [
        ['source', 'Source (origin of the record)'],
        ['creation_method', 'Creation method (human, model, mixed)'],
        ['license', 'Licence'],
        ['collection_date', 'Collection or creation date'],
        ['transformation_history', 'Transformation history'],
        ['none', 'None of these'],
      ],
      {
        required: true,
        exclusive: ['none'],
        help: 'Choose only fields present on every record; a field on some records does not count.',
        sources: [
          ['dta-provenance', 'Provenance standard'],
          ['croissant-rai', 'Traceability'],
          ['iso-42001', 'A.7.5 Data provenance'],
        ],
      },
    ),
    q.long('lineage', 'Datasets this one is derived from (name, version, how it was transformed)', {
      required: true,
      sources: [
        ['dta-provenance', 'Provenance: source metadata for dataset'],
        ['iso-42001', 'A.7.5 Data provenance'],
        ['datasheets', 'Preprocessing/cleaning/labeling'],
      ],
    }),
    q.single(
      'provenance_standard',
      'Which provenance or documentation standard do you publish metadata in?',
      [
        ['dta', 'Data & Trust Alliance Data Provenance Standards'],
        ['croissant', 'MLCommons Croissant (with RAI)'],
        ['datasheet', 'Datasheet or data card'],
        ['other', 'Another standard'],
        ['none', 'None'],
      ],
      { required: true, sources: ['dta-provenance', 'croissant-rai', 'datasheets'] },
    ),
  ],
};
