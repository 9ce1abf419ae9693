import { describe, expect, it } from 'vitest';
import type { ScoredReport } from '../../../web/src/api/domain';
import {
  evidenceWarnings,
  maturityCap,
  rankedFindings,
  summarySentence,
} from '../../../web/src/pages/report/headline-model';
import { plainWords } from '../../../web/src/pages/report/vocabulary';

const ctx = {
  labels: new Map([
    ['provenance', 'Provenance and lineage'],
    ['labeling', 'Labeling quality'],
    ['no_sample', 'No sample analyzed'],
    ['real_data_replaced', 'Real data replaced between releases'],
  ]),
  critical: new Set(['provenance']),
  questionTitles: new Map([['synthetic_share_percent', 'Synthetic share']]),
};

function report(overrides: Partial<ScoredReport> = {}): ScoredReport {
  return {
    assessmentId: 'a',
    generatedAt: '2026-11-28T10:00:00.000Z',
    sha256: 'x',
    templateId: 't',
    templateVersion: 1,
    policyVersion: 0,
    version: 1,
    maturity: {
      level: 1,
      dimensions: [
        { id: 'provenance', level: 1, evidence: [] },
        { id: 'labeling', level: 4, evidence: [] },
      ],
    },
    risk: {
      score: 57.4,
      tier: 'high',
      uncappedPoints: 57.4,
      factors: [
        {
          id: 'no_sample',
          points: 20,
          reason: '',
          source: 'missing',
          remediation: '',
          questionIds: [],
        },
        {
          id: 'real_data_replaced',
          points: 35,
          reason: '',
          source: 'answer',
          remediation: '',
          questionIds: [],
        },
      ],
    },
    discrepancies: [],
    samples: [],
    ...overrides,
  } as ScoredReport;
}

describe('report headline', () => {
  it('names the critical dimension that caps maturity', () => {
    expect(maturityCap(report(), ctx)).toBe(
      'capped by “Provenance and lineage” (a critical dimension at level 1)',
    );
  });

  it('summarizes score, tier, cap and the largest factor in one sentence, in words', () => {
    expect(summarySentence(report(), ctx)).toBe(
      'Collapse risk is 57 of 100 (high risk) and maturity 1 of 4, capped by “Provenance and lineage” (a critical dimension at level 1); the largest risk is “Real data replaced between releases” (35 points).',
    );
  });

  it('warns about a missing sample, malformed lines, tiny samples and unverified claims', () => {
    expect(evidenceWarnings(report(), ctx)).toEqual([
      'No sample was analyzed, so none of the answers could be checked against data.',
    ]);
    const sample = {
      role: 'training',
      fileName: 'chats.jsonl',
      input: { records: 90, malformed: 10 },
      findings: [],
    };
    const withSample = report({
      samples: [sample] as unknown as ScoredReport['samples'],
    }) as ScoredReport & { claimChecks: unknown[] };
    withSample.claimChecks = [
      {
        questionId: 'synthetic_share_percent',
        claimed: 0,
        measured: 12,
        lowerBound: 0,
        status: 'unverified',
        evidence: 'screening',
        message: 'No reference.',
      },
    ];
    expect(evidenceWarnings(withSample, ctx)).toEqual([
      'Training sample “chats.jsonl” had 10 malformed lines (10 %) that could not be read and were left out.',
      'Training sample “chats.jsonl” has only 90 records: its measurements are rough.',
      'The claim “Synthetic share” could not be verified: No reference.',
    ]);
  });

  it('sorts findings by severity across samples', () => {
    const f = (id: string, severity: string) => ({ id, severity, message: id, evidence: {} });
    const r = report({
      samples: [
        { role: 'training', findings: [f('a', 'low'), f('b', 'critical')] },
        { role: 'holdout', findings: [f('c', 'high'), f('d', 'low')] },
      ] as unknown as ScoredReport['samples'],
    });
    expect(rankedFindings(r).map((x) => x.id)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('replaces ids in explanations with their labels', () => {
    expect(plainWords('A little above no_sample, see real_data_replaced.', ctx.labels)).toBe(
      'A little above “no sample analyzed”, see “real data replaced between releases”.',
    );
  });
});

describe('plain words', () => {
  it('leaves ordinary words alone even when they are also ids', () => {
    const labels = new Map([['provenance', 'Provenance and lineage']]);
    expect(plainWords('Records lack 4 of 5 provenance fields.', labels)).toBe(
      'Records lack 4 of 5 provenance fields.',
    );
  });
});
