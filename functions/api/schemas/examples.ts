/**
 * Example bodies for the OpenAPI document, one per request and response shape. Each is what the
 * API really sends or accepts (the lint test checks them against their schemas); the reference
 * page shows them and pre-fills "try it" with the request ones.
 */

const id = '01kb2x7q9m3n4p5r6s7t8v9w0x';
const sampleId = '01kb2x9c4d5e6f7g8h9j0k1m2n';
const at = '2026-11-28T14:05:00.000Z';

/** A scored-report summary as an assessment carries it. */
const reportSummary = {
  version: 2,
  score: 41.5,
  tier: 'moderate' as const,
  maturity: 2,
  reportKey: `reports/demo/${id}/v000002.json`,
  sha256: 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c',
  generatedAt: at,
};

/** An assessment as staff see it. */
export const assessmentExample = {
  id,
  organizationId: 'demo',
  status: 'submitted' as const,
  vendor: { name: 'Acme Data', contactEmail: 'data@acme.example' },
  dataset: {
    name: 'Acme Instructions v3',
    description: 'Instruction/response pairs in English',
    intendedUse: 'fine-tuning',
  },
  templateId: 'ai-training-data',
  templateVersion: 1,
  dueAt: '2026-12-31T17:00:00.000Z',
  createdAt: '2026-11-20T09:00:00.000Z',
  createdBy: 'pat@demo.example',
  updatedAt: at,
  version: 7,
  answers: { dataset_name: 'Acme Instructions', synthetic_share_percent: 12 },
  previousAssessmentId: null,
  invitation: {
    issuedAt: '2026-11-20T09:01:00.000Z',
    expiresAt: '2026-12-20T09:01:00.000Z',
    revokedAt: null,
  },
  submittedAt: '2026-11-27T16:30:00.000Z',
  decision: null,
  report: reportSummary,
};

/** Body of POST /api/assessments. */
export const createAssessmentExample = {
  vendor: { name: 'Acme Data', contactEmail: 'data@acme.example' },
  dataset: {
    name: 'Acme Instructions v3',
    description: 'Instruction/response pairs in English',
    intendedUse: 'fine-tuning',
  },
  templateId: 'ai-training-data',
  dueAt: '2026-12-31',
};

/** A sample's state. */
export const sampleExample = {
  sampleId,
  fileName: 'support-tickets-2025.jsonl.gz',
  role: 'training' as const,
  sizeBytes: 48_213_771,
  status: 'analyzed' as const,
  error: null,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  summary: {
    records: 120_000,
    exactRate: 0.012,
    nearRate: 0.034,
    estimatedShare: 0.18,
    fields: { text: 'text', label: 'category' },
  },
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:02:41.000Z',
};

/** Body of POST /api/vendor/samples. */
export const registerSampleExample = {
  fileName: 'support-tickets-2025.jsonl.gz',
  role: 'training' as const,
  sizeBytes: 48_213_771,
  contentType: 'application/gzip' as const,
  fields: { text: 'text', label: 'category' },
};

/** Response of POST /api/vendor/samples. */
export const uploadExample = {
  sampleId,
  upload: { mode: 'single' as const },
  uploadUrl: `http://localhost:3000/_s3/diligence-samples/samples/demo/${id}/${sampleId}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost&X-Amz-Signature=…`,
  uploadHeaders: {
    'content-type': 'application/gzip',
    'x-amz-meta-original-name': 'support-tickets-2025.jsonl.gz',
    'x-amz-meta-role': 'training',
  },
  expiresAt: '2026-11-21T10:15:00.000Z',
  replaced: [],
  retiresOnUpload: ['01kb2x7c1y8q4m2n6p0r3s5t7v'],
};

/** An audit event. */
export const eventExample = {
  id: '01kb2y0a1b2c3d4e5f6g7h8j9k',
  at,
  actor: 'gail@demo.example',
  role: 'governance',
  type: 'request_changes',
  detail: { from: 'submitted', to: 'changes_requested', comments: 1 },
};

/** A stored report. */
export const reportExample = {
  assessmentId: id,
  generatedAt: at,
  sha256: reportSummary.sha256,
  version: 2,
  policyVersion: 0,
  maturity: { level: 2, dimensions: [{ dimension: 'provenance', level: 2 }] },
  risk: {
    score: 41.5,
    tier: 'moderate',
    factors: [{ factor: 'synthetic_share', points: 3.6, source: 'answer' }],
  },
  discrepancies: [],
  samples: [{ sampleId, role: 'training', records: 120_000 }],
};

/** An analysis (abridged: the full field list is in DESIGN.md). */
export const analysisExample = {
  input: { records: 120_000, fields: { text: 'text', label: 'category' } },
  duplicates: { exactRate: 0.012, nearRate: 0.034, clusters: [] },
  synthetic: { estimatedShare: 0.18 },
};

/** A problem+json body for `status`, as errors come back. */
export function problemExample(status: number, title: string, detail: string) {
  return {
    type: `https://diligence.dev/problems/${status === 400 ? 'validation' : title.toLowerCase().replaceAll(' ', '-')}`,
    title,
    status,
    detail,
    instance: 'urn:request:6f1c2a9e-3b5d-4e8f-9a7b-0c1d2e3f4a5b',
    ...(status === 400
      ? { errors: [{ path: 'dueAt', message: 'use a real ISO 8601 date such as 2026-12-31' }] }
      : {}),
  };
}

/** Example identifiers, for path parameters. */
export const exampleIds = { id, sampleId };
