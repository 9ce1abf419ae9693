import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../web/src/api/types';
import {
  isQueueFiltered,
  nextInQueue,
  noQueueFilters,
  queueFiltersFrom,
  queueOrder,
  queueSearch,
} from '../../../web/src/pages/staff/queue-model';

const now = new Date('2026-06-10T12:00:00Z');
const a = (id: string, score: number | null, over: Partial<Assessment> = {}): Assessment =>
  ({
    id,
    status: 'submitted',
    vendor: { name: `Vendor ${id}`, contactEmail: 'v@v.test' },
    dataset: { name: 'Chats' },
    dueAt: '2030-01-01T00:00:00Z',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    submittedAt: '2026-06-09T00:00:00Z',
    answers: {},
    report:
      score === null
        ? null
        : { score, tier: score >= 50 ? 'high' : score >= 25 ? 'moderate' : 'low' },
    ...over,
  }) as Assessment;

describe('review queue filters in the URL', () => {
  it('reads and writes the query string, ignoring unknown values', () => {
    const f = queueFiltersFrom('?q=acme+chats&tier=high&waiting=week');
    expect(f).toEqual({ q: 'acme chats', tier: 'high', waiting: 'week' });
    expect(queueSearch(f)).toBe('?q=acme+chats&tier=high&waiting=week');
    expect(queueFiltersFrom(queueSearch(f))).toEqual(f);
    expect(queueFiltersFrom('?tier=enormous&waiting=year')).toEqual(noQueueFilters);
    expect(queueSearch(noQueueFilters)).toBe('');
    expect(isQueueFiltered(noQueueFilters)).toBe(false);
    expect(isQueueFiltered({ ...noQueueFilters, q: '  ' })).toBe(false);
    expect(isQueueFiltered({ ...noQueueFilters, tier: 'low' })).toBe(true);
  });
});

describe('next in queue', () => {
  const items = [
    a('top', 80),
    a('mid', 40),
    a('mid-older', 40, { submittedAt: '2026-05-01T00:00:00Z' }),
    a('low', 10),
    a('unscored', null),
  ];

  it('orders by risk, then waiting time, unscored last', () => {
    expect([...items].sort(queueOrder).map((x) => x.id)).toEqual([
      'top',
      'mid-older',
      'mid',
      'low',
      'unscored',
    ]);
  });

  it('goes to the one after the decided assessment in the queue order', () => {
    const decided = {
      ...a('mid-older', 40, { submittedAt: '2026-05-01T00:00:00Z' }),
      status: 'approved' as const,
    };
    const rest = items.filter((x) => x.id !== 'mid-older');
    expect(nextInQueue(rest, decided, noQueueFilters, now)?.id).toBe('mid');
    // The list may still hold the decided one (read before the decision): it is never next.
    expect(nextInQueue(items, decided, noQueueFilters, now)?.id).toBe('mid');
  });

  it('keeps the filters and wraps to the top when nothing follows', () => {
    const lowOnly = { ...noQueueFilters, tier: 'low' as const };
    expect(nextInQueue(items, a('top', 80), lowOnly, now)?.id).toBe('low');
    expect(nextInQueue(items, a('zzz', null), noQueueFilters, now)?.id).toBe('top');
    const search = { ...noQueueFilters, q: 'vendor mid' };
    expect(nextInQueue(items, a('mid', 40), search, now)?.id).toBe('mid-older');
  });

  it('skips decided and archived assessments and says when nothing waits', () => {
    const list = [
      a('decided', 70, { status: 'rejected' }),
      a('archived', 60, { archivedAt: '2026-06-01T00:00:00Z' }),
    ];
    expect(nextInQueue(list, a('top', 80), noQueueFilters, now)).toBeNull();
    expect(nextInQueue([a('only', 50)], a('only', 50), noQueueFilters, now)).toBeNull();
  });
});
