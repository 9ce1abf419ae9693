import { q } from '../../build';
import type { Section } from '../../types';

/** Section 8: the right to use the data and the protection of the people in it. */
export const rights: Section = {
  id: 'rights',
  title: 'Rights and privacy',
  description: 'Licences, consent, personal data and third-party rights.',
  questions: [
    q.short('license', 'Licence under which the dataset is delivered', {
      required: true,
      sources: [
        ['dta-provenance', 'Use: license to use'],
        ['datasheets', 'Distribution'],
        ['croissant-rai', 'sc:license'],
      ],
    }),
    q.single(
      'consent_records',
      'Are consent records kept for data about people?',
      [
        ['all', 'For every record that needs one'],
        ['partial', 'For some records'],
        ['none', 'No'],
        ['not_applicable', 'Not applicable: no data about people'],
      ],
      {
        required: true,
        sources: [
          ['dta-provenance', 'Use: consent documentation location'],
          ['datasheets', 'Collection process'],
        ],
      },
    ),
    q.yesNo('personal_data', 'Does the dataset contain personal data?', {
      required: true,
      sources: [
        ['croissant-rai', 'rai:personalSensitiveInformation'],
        ['eu-ai-act', 'Art. 10(2)(b), 10(5)'],
        ['nist-ai-600-1', 'Data Privacy'],
      ],
    }),
    q.multi(
      'personal_data_protection',
      'How is personal data protected?',
      [
        ['removed', 'Removed or redacted'],
        ['pseudonymized', 'Pseudonymized'],
        ['anonymized', 'Anonymized'],
        ['access_controls', 'Access controls and encryption'],
        ['not_applicable', 'Not applicable: no personal data'],
        ['none', 'Not protected'],
      ],
      {
        required: true,
        exclusive: ['not_applicable', 'none'],
        sources: [
          ['eu-ai-act', 'Art. 10(5)'],
          ['nist-ai-rmf', 'MEASURE 2.10'],
          ['dta-provenance', 'Use: personal information'],
        ],
      },
    ),
    q.yesNo(
      'do_not_train_honoured',
      'Are opt-outs and do-not-train signals (robots.txt, TDM reservations) honoured?',
      {
        required: true,
        sources: [
          ['nist-ai-600-1', 'Intellectual Property'],
          ['eu-ai-act', 'Art. 53(1)(c)'],
        ],
      },
    ),
    q.long(
      'third_party_ip',
      'Third-party intellectual property in the data and how rights were cleared',
      {
        required: true,
        sources: [
          ['nist-ai-rmf', 'GOVERN 6.1'],
          ['nist-ai-600-1', 'Intellectual Property'],
          ['iso-42001', 'A.7.3 Acquisition of data'],
        ],
      },
    ),
  ],
};

/** Section 9: who is accountable and how the dataset is watched over time. */
export const governance: Section = {
  id: 'governance',
  title: 'Governance',
  description: 'Ownership, audits, quality requirements, incidents, feedback loops and suppliers.',
  questions: [
    q.short('dataset_owner', 'Named dataset owner (name and role)', {
      required: true,
      sources: [
        ['nist-ai-rmf', 'GOVERN 2.1'],
        ['iso-42001', 'A.7.2 Data for development and enhancement'],
      ],
    }),
    q.short('dataset_approver', 'Who approves each release (name and role)?', {
      required: true,
      sources: [
        ['nist-ai-rmf', 'GOVERN 2.1'],
        ['dta-provenance', 'Source: dataset issuer'],
      ],
    }),
    q.single(
      'audit_frequency',
      'How often is the dataset audited?',
      [
        ['never', 'Never'],
        ['ad_hoc', 'Ad hoc'],
        ['yearly', 'Yearly'],
        ['per_release', 'Every release or more often'],
      ],
      {
        required: true,
        sources: [
          ['iso-42001', 'A.7.4 Quality of data'],
          ['nist-ai-rmf', 'GOVERN 1.5'],
        ],
      },
    ),
    q.yesNo('quality_requirements_documented', 'Are data quality requirements documented?', {
      required: true,
      sources: [
        ['iso-42001', 'A.7.4 Quality of data'],
        ['eu-ai-act', 'Art. 10(2), 10(3)'],
      ],
    }),
    q.yesNo(
      'incident_process',
      'Is there a documented process for data incidents (errors, takedowns, leaks)?',
      {
        required: true,
        sources: [
          ['nist-ai-rmf', 'MANAGE 4.3'],
          ['datasheets', 'Maintenance'],
        ],
      },
    ),
    q.single(
      'feedback_loop_review',
      'After deployment, do you check whether model outputs flow back into this dataset?',
      [
        ['none', 'No'],
        ['ad_hoc', 'Ad hoc'],
        ['scheduled', 'On a schedule'],
        ['continuous', 'Continuously, with automated detection'],
      ],
      {
        required: true,
        sources: [
          ['nist-ai-rmf', 'MANAGE 4.1'],
          'shumailov-2024',
          ['nist-ai-600-1', 'Harmful Bias and Homogenization'],
        ],
      },
    ),
    q.long('upstream_suppliers', 'Upstream suppliers of data and how they are assessed', {
      required: true,
      sources: [
        ['nist-ai-rmf', 'GOVERN 6.1'],
        ['iso-42001', 'A.7.3 Acquisition of data'],
        ['dta-provenance', 'Provenance: source'],
      ],
    }),
    q.yesNo('datasheet_published', 'Is a datasheet or data card published with each release?', {
      required: true,
      sources: ['datasheets', 'croissant-rai'],
    }),
  ],
};
