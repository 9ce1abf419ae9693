/** Example bodies of the reference routes, as the API really sends or accepts them. */

/** The id of the example reference sample. */
export const exampleId = '01jbz3k6q9v8r2m4t7w5x0y1za';

/** Body of POST /api/references. */
export const createReferenceExample = {
  name: 'Support tickets 2024 (human)',
  description:
    'Our own 2024 support tickets, written by customers and agents before any AI tooling.',
  fileName: 'tickets-2024.jsonl',
  sizeBytes: 182_044,
  contentType: 'application/x-ndjson' as const,
};

/** What POST /api/references answers: where to PUT the file. */
export const referenceUploadExample = {
  referenceId: exampleId,
  uploadUrl:
    'https://samples.example/samples/acme/references/01jbz3k6q9v8r2m4t7w5x0y1za?X-Amz-Signature=…',
  uploadHeaders: { 'content-type': 'application/x-ndjson', 'content-length': '182044' },
  expiresAt: '2026-11-28T15:15:00.000Z',
};

/** A reference sample, analyzed and attached to one assessment. */
export const referenceExample = {
  referenceId: exampleId,
  name: 'Support tickets 2024 (human)',
  kind: 'human' as const,
  generator: null,
  description: 'Our own 2024 support tickets, written before any AI tooling.',
  fileName: 'tickets-2024.jsonl',
  role: 'reference' as const,
  sizeBytes: 182_044,
  status: 'analyzed' as const,
  error: null,
  sha256: '9f2c4e1b7a3d5c8e0f6a2b4d6c8e0a1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c',
  summary: {
    records: 1200,
    exactRate: 0.01,
    nearRate: 0.02,
    estimatedShare: 0.04,
    fields: { text: 'body' },
    malformed: 0,
    malformedLines: [],
  },
  readField: 'body',
  createdBy: 'pat@acme.example',
  attachedTo: [
    { assessmentId: '01jbz3m0a1b2c3d4e5f6g7h8j9', attachedAt: '2026-11-28T15:20:00.000Z' },
  ],
  createdAt: '2026-11-28T15:00:00.000Z',
  updatedAt: '2026-11-28T15:01:10.000Z',
};

/** Body of PUT /api/assessments/{id}/reference. */
export const attachReferenceExample = { referenceId: exampleId };

/** What PUT /api/assessments/{id}/reference answers. */
export const attachmentExample = {
  assessmentId: '01jbz3m0a1b2c3d4e5f6g7h8j9',
  reference: referenceExample,
};

/** A machine reference: text the buyer generated with a model it suspects. */
export const machineReferenceExample = {
  ...referenceExample,
  referenceId: '01jbz3k6q9v8r2m4t7w5x0y1zb',
  name: 'Ticket replies by gpt-4o',
  kind: 'machine' as const,
  generator: 'gpt-4o',
  description: 'Replies gpt-4o wrote to the opening sentences of our 2024 tickets.',
  fileName: 'tickets-gpt-4o.jsonl',
  summary: { ...referenceExample.summary, records: 120, estimatedShare: 0.61 },
};

/** Body of POST /api/references for a machine reference. */
export const createMachineReferenceExample = {
  ...createReferenceExample,
  name: 'Ticket replies by gpt-4o',
  fileName: 'tickets-gpt-4o.jsonl',
  kind: 'machine' as const,
  generator: 'gpt-4o',
};

/** What PUT /api/assessments/{id}/machine-references/{referenceId} answers. */
export const machineAttachmentExample = {
  assessmentId: '01jbz3m0a1b2c3d4e5f6g7h8j9',
  machineReferences: [machineReferenceExample],
};
