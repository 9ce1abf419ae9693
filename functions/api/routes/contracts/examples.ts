/** A remediation item as the API returns it. */
export const itemExample = {
  itemId: 'condition-0',
  assessmentId: '01kb2x7q9m3n4p5r6s7t8v9w0y',
  contractAssessmentId: '01kb2x7q9m3n4p5r6s7t8v9w0x',
  condition: {
    metric: 'duplicates.nearRate',
    max: 0.05,
    actual: 0.081,
    held: false,
    measurable: true,
    words: 'near duplicates: at most 5 %',
  },
  status: 'open' as const,
  owner: null,
  dueAt: '2027-01-04T10:00:00.000Z',
  comments: [
    { at: '2026-12-05T11:00:00.000Z', by: 'vendor', role: 'vendor', text: 'Feed B re-crawled.' },
  ],
  exception: null,
  pastExceptions: [],
  createdAt: '2026-12-05T10:00:00.000Z',
  updatedAt: '2026-12-05T11:00:00.000Z',
  version: 2,
};

/** A contract view with one broken condition. */
export const contractViewExample = {
  conditions: [
    { metric: 'duplicates.nearRate', max: 0.05, words: 'near duplicates: at most 5 %' },
    {
      metric: 'compare.overlap.nearRate',
      max: 0.1,
      words: 'records recycled from the last delivery: at most 10 %',
    },
  ],
  contractAssessmentId: '01kb2x7q9m3n4p5r6s7t8v9w0x',
  check: {
    held: false,
    broken: 1,
    unmeasurable: 0,
    checkedAt: '2026-12-05T10:00:00.000Z',
    reportVersion: 2,
    conditions: [
      itemExample.condition,
      {
        metric: 'compare.overlap.nearRate',
        max: 0.1,
        actual: 0.02,
        held: true,
        measurable: true,
        words: 'records recycled from the last delivery: at most 10 %',
      },
    ],
  },
  conditionsBroken: true,
  items: [itemExample],
};
