import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../web/src/pages/staff/audit-sentences';
import { sampleStateLabel } from '../../../web/src/pages/vendor/sample-model';

const ctx = { questionTitles: new Map<string, string>() };
const purge = (detail: Record<string, unknown>) => ({
  id: '1',
  at: '2027-08-29T03:17:00.000Z',
  actor: 'retention',
  role: 'system',
  type: 'samples_purged',
  detail,
});

describe('retention in words', () => {
  it('says the sample data was deleted under the retention policy, how many files, how long kept', () => {
    expect(
      describeEvent(purge({ files: 2, retentionDays: 180, fileNames: ['a.jsonl'] }), ctx),
    ).toBe(
      'Deleted the sample data under the retention policy (kept 180 days after the decision): 2 files, with their analyses.',
    );
    expect(describeEvent(purge({ files: 0, retentionDays: 30 }), ctx)).toBe(
      'Retention period over (kept 30 days after the decision): no sample data was held.',
    );
  });

  it('shows a purged sample as deleted after retention with its date, others by status', () => {
    expect(sampleStateLabel({ status: 'analyzed', purgedAt: '2027-08-29T03:17:00.000Z' })).toBe(
      'Deleted after retention (2027-08-29)',
    );
    expect(sampleStateLabel({ status: 'analyzed', purgedAt: null })).toBe('Analyzed');
    expect(sampleStateLabel({ status: 'unusable' })).toBe('Not usable as evidence');
  });
});
