/** Example bodies of the policy routes, as the API really sends or accepts them. */

/** GET /api/policy/versions: one admin change after the default. */
export const policyVersionsExample = {
  items: [
    {
      version: 2,
      updatedAt: '2026-11-28T10:00:00.000Z',
      updatedBy: 'ada@demo.example',
      reason: 'Missing samples hid two weak datasets last quarter; the high tier starts earlier.',
      changes: [
        { group: 'weights' as const, key: 'no_sample', from: 20, to: 25 },
        { group: 'tiers' as const, key: 'high', from: 50, to: 45 },
      ],
      scheduleChanged: false,
      passportChanged: false,
    },
    {
      version: 1,
      updatedAt: '2026-11-20T08:30:00.000Z',
      updatedBy: 'ada@demo.example',
      reason: null,
      changes: [
        { group: 'thresholds' as const, key: 'nearDuplicateFullPercent', from: 20, to: 15 },
      ],
      scheduleChanged: false,
      passportChanged: false,
    },
  ],
};

/** Body of POST /api/policy/preview: a heavier weight for a missing sample, a lower high tier. */
export const policyPreviewRequestExample = {
  policy: { weights: { no_sample: 25 }, tiers: { high: 45 } },
};

/** What POST /api/policy/preview answers for that proposal. */
export const policyPreviewExample = {
  currentVersion: 1,
  items: [
    {
      assessmentId: '01jd5v7q2k8m3n4p5r6s7t8v9w',
      vendorName: 'Acme Data Ltd',
      datasetName: 'Customer support dialogues v3',
      status: 'submitted',
      submittedAt: '2026-11-27T09:12:00.000Z',
      previousAssessmentId: '01jc2a8q2k8m3n4p5r6s7t8v9w',
      current: { score: 42, tier: 'moderate' as const, maturity: 2 },
      proposed: { score: 51, tier: 'high' as const, maturity: 2 },
    },
    {
      assessmentId: '01jc2a8q2k8m3n4p5r6s7t8v9w',
      vendorName: 'Acme Data Ltd',
      datasetName: 'Customer support dialogues v3',
      status: 'approved',
      submittedAt: '2026-06-02T15:40:00.000Z',
      previousAssessmentId: null,
      current: { score: 30, tier: 'moderate' as const, maturity: 2 },
      proposed: { score: 35, tier: 'moderate' as const, maturity: 2 },
    },
  ],
  truncated: false,
};
