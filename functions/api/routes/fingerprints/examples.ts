/** Example bodies of the fingerprint routes, as the API really sends or accepts them. */

/** The id of the example pack. */
export const examplePackId = '01jc2m8r4t6v9x1z3b5d7f9h0k';

/** Body of POST /api/fingerprints (a corpus the portal builds a keyed pack from). */
export const createPackExample = {
  name: 'Holdout questions 2026-Q3',
  kind: 'eval' as const,
  source: 'corpus' as const,
  fileName: 'holdout-q3.jsonl',
  sizeBytes: 48_210,
  contentType: 'application/x-ndjson' as const,
  fields: { text: 'question' },
  keyed: true,
};

/** What POST /api/fingerprints answers: where to PUT the file. */
export const packUploadExample = {
  packId: examplePackId,
  uploadUrl:
    'https://samples.example/samples/acme/fingerprints/01jc2m8r4t6v9x1z3b5d7f9h0k?X-Amz-Signature=…',
  uploadHeaders: { 'content-type': 'application/x-ndjson', 'content-length': '48210' },
  expiresAt: '2026-11-28T15:15:00.000Z',
};

/** A keyed eval pack built from a corpus, attached to one assessment. */
export const packExample = {
  packId: examplePackId,
  name: 'Holdout questions 2026-Q3',
  kind: 'eval' as const,
  source: 'corpus' as const,
  keyed: true,
  builtin: false,
  fileName: 'holdout-q3.jsonl',
  sizeBytes: 48_210,
  status: 'ready' as const,
  error: null,
  records: 1_204,
  origin: null,
  licence: null,
  createdBy: 'gail@acme.example',
  attachedTo: [
    { assessmentId: '01jbz0a1b2c3d4e5f6g7h8j9k0', attachedAt: '2026-11-28T15:02:00.000Z' },
  ],
  createdAt: '2026-11-28T14:58:00.000Z',
  updatedAt: '2026-11-28T15:02:00.000Z',
};

/** What PUT /api/assessments/{id}/fingerprints/{packId} answers. */
export const packAttachmentExample = {
  assessmentId: '01jbz0a1b2c3d4e5f6g7h8j9k0',
  pack: packExample,
};
