import type { Assessment } from '../../../functions/core/assessment/types';
import type { VersionedReport } from '../../../functions/core/report';
import { withHash } from '../../../functions/core/scoring';
import { loadAnswers, run } from '../scoring/inputs';
import { makeAnalysis } from '../scoring/make-analysis';

/** A stored report version measured on one sample file (`sha256` given), hash filled in. */
export function reportWithSample(sha256: string, version = 2): VersionedReport {
  const scored = run(loadAnswers('honest-vendor'), { training: makeAnalysis() });
  const samples = scored.samples.map((s) => ({
    ...s,
    file: {
      sampleId: 'smp-1',
      fileName: 'tickets.jsonl',
      uploadedAt: '2026-11-01T10:00:00.000Z',
      records: 1000,
      sha256,
    },
  }));
  return { ...withHash({ ...scored, samples }), version };
}

/** The assessment the report belongs to, approved on `decidedAt`. */
export function approvedAssessment(decidedAt = '2026-11-20T10:00:00.000Z'): Assessment {
  return {
    id: 'asm-1',
    organizationId: 'org-buyer',
    status: 'approved',
    vendor: { name: 'Acme Data', contactEmail: 'data@acme.test' },
    dataset: { name: 'Acme Tickets', intendedUse: 'fine-tuning' },
    templateId: 'ai-training-data',
    templateVersion: 1,
    decision: { decision: 'approve', by: 'gail@buyer.test', at: decidedAt, comments: [] },
  } as unknown as Assessment;
}
