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

/** Body of PATCH /api/assessments/{id}: a new contact and a later due date. */
export const updateAssessmentExample = {
  vendor: { contactEmail: 'new-contact@acme.example' },
  dueAt: '2027-01-15',
  version: 2,
};

/** The assessment after that edit. */
export const updatedAssessmentExample = {
  ...assessmentExample,
  status: 'invited' as const,
  vendor: { name: 'Acme Data Ltd', contactEmail: 'new-contact@acme.example' },
  dueAt: '2027-01-15T00:00:00.000Z',
  updatedAt: '2026-11-28T10:12:00.000Z',
  version: 3,
};

/** Body of POST /api/assessments/{id}/cancel. */
export const cancelAssessmentExample = {
  reason: 'The project was stopped; we no longer need this dataset.',
  version: 2,
};

/** The assessment after the cancellation: the vendor link no longer works. */
export const cancelledAssessmentExample = {
  ...assessmentExample,
  status: 'cancelled' as const,
  updatedAt: '2026-11-28T10:20:00.000Z',
  version: 3,
  invitation: { ...assessmentExample.invitation, revokedAt: '2026-11-28T10:20:00.000Z' },
  cancellation: {
    by: 'pat@demo.example',
    at: '2026-11-28T10:20:00.000Z',
    reason: cancelAssessmentExample.reason,
  },
};

/** A cancelled assessment once archived: kept in full, out of the working lists. */
export const archivedAssessmentExample = {
  ...cancelledAssessmentExample,
  updatedAt: '2026-12-02T08:00:00.000Z',
  version: 4,
  archivedAt: '2026-12-02T08:00:00.000Z',
};
