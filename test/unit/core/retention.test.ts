import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../functions/core/assessment/types';
import { closedAt, purgeCutoff, purgeDueAt } from '../../../functions/core/retention';

const base = {
  updatedAt: '2027-03-09T08:00:00.000Z',
  decision: null,
  cancellation: null,
} satisfies Partial<Assessment>;
const decided = (
  status: Assessment['status'],
  decision: 'approve' | 'reject' | 'request_changes',
) => ({
  ...base,
  status,
  decision: { decision, by: 'gail@demo.test', at: '2027-03-01T12:00:00.000Z', comments: [] },
});

describe('closedAt', () => {
  it('is the decision time for approved and rejected assessments', () => {
    expect(closedAt(decided('approved', 'approve'))).toBe('2027-03-01T12:00:00.000Z');
    expect(closedAt(decided('rejected', 'reject'))).toBe('2027-03-01T12:00:00.000Z');
  });

  it('is the cancellation time for cancelled assessments', () => {
    const cancellation = { by: 'pat@demo.test', at: '2027-02-10T09:30:00.000Z', reason: 'stop' };
    expect(closedAt({ ...base, status: 'cancelled', cancellation })).toBe(cancellation.at);
  });

  it('is null while changes are requested or the assessment is still open', () => {
    expect(closedAt(decided('changes_requested', 'request_changes'))).toBeNull();
    for (const status of ['draft', 'invited', 'in_progress', 'submitted'] as const) {
      expect(closedAt({ ...base, status })).toBeNull();
    }
  });

  it('falls back to the last update for closed data stored without its own time', () => {
    expect(closedAt({ ...base, status: 'cancelled' })).toBe(base.updatedAt);
    expect(closedAt({ ...base, status: 'approved' })).toBe(base.updatedAt);
  });
});

describe('purge due date and cutoff', () => {
  it('is due the retention days after closing, to the millisecond', () => {
    expect(purgeDueAt('2027-03-01T12:00:00.000Z', 180)).toBe('2027-08-28T12:00:00.000Z');
    expect(purgeDueAt('2027-12-31T23:59:59.999Z', 1)).toBe('2028-01-01T23:59:59.999Z');
  });

  it('puts exactly the assessments whose due date has passed before the cutoff', () => {
    const closed = '2027-03-01T12:00:00.000Z';
    const due = new Date(purgeDueAt(closed, 180));
    // One millisecond after the due date: closed strictly before the cutoff.
    expect(closed < purgeCutoff(new Date(due.getTime() + 1), 180)).toBe(true);
    // At the due date itself and before it: not yet.
    expect(closed < purgeCutoff(due, 180)).toBe(false);
    expect(closed < purgeCutoff(new Date(due.getTime() - 86_400_000), 180)).toBe(false);
  });

  it('refuses a retention that is not a whole number of days above 0', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) {
      expect(() => purgeCutoff(new Date(), days)).toThrow(/whole number of days/);
    }
    expect(() => purgeDueAt('not a date', 10)).toThrow(/not a date/);
  });
});
