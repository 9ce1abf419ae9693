/** Example bodies for the OpenAPI document of the assessment routes. */

/** An assessment as the API returns it. */
export const assessmentExample = {
  id: '01jd5v7q2k8m3n4p5r6s7t8v9w',
  organizationId: 'demo',
  status: 'invited',
  vendor: { name: 'Acme Data Ltd', contactEmail: 'data@acme.example' },
  dataset: {
    name: 'Customer support dialogues v3',
    description: 'English support chats, 2023–2025',
    intendedUse: 'fine-tuning',
  },
  templateId: 'ai-training-data',
  templateVersion: 1,
  dueAt: '2026-12-31T23:59:59.000Z',
  createdAt: '2026-11-28T09:00:00.000Z',
  createdBy: 'pat@demo.example',
  updatedAt: '2026-11-28T09:05:00.000Z',
  version: 2,
  answers: {},
  previousAssessmentId: null,
  invitation: {
    issuedAt: '2026-11-28T09:05:00.000Z',
    expiresAt: '2026-12-28T09:05:00.000Z',
    revokedAt: null,
    sentTo: 'data@acme.example',
    lastReminderAt: null,
  },
  submittedAt: null,
  decision: null,
  report: null,
  cancellation: null,
  archivedAt: null,
};
