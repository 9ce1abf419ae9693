import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../web/src/api/types';
import {
  applyFilters,
  cardActive,
  countCards,
  dashboardCounts,
  filtersFrom,
  toSearch,
} from '../../../web/src/pages/staff/list-model';
import { queueRows, timeInQueue } from '../../../web/src/pages/staff/queue-model';

const a = (over: Partial<Assessment>): Assessment =>
  ({
    id: 'x',
    status: 'in_progress',
    vendor: { name: 'Acme', contactEmail: 'a@acme.test' },
    dataset: { name: 'Chats' },
    dueAt: '2030-01-01T00:00:00Z',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    submittedAt: null,
    answers: {},
    report: null,
    ...over,
  }) as Assessment;

describe('assessment list model', () => {
  it('keeps filters in the query string and ignores unknown values', () => {
    const f = filtersFrom('?status=rejected&q=acme&sort=due&archived=1', ['rejected']);
    expect(f).toEqual({ status: 'rejected', q: 'acme', sort: 'due', archived: true, show: '' });
    expect(toSearch(f)).toBe('?status=rejected&q=acme&sort=due&archived=1');
    expect(filtersFrom('?status=bogus&sort=nope', ['rejected'])).toEqual({
      status: '',
      q: '',
      sort: 'newest',
      archived: false,
      show: '',
    });
    expect(filtersFrom('?show=overdue', []).show).toBe('overdue');
    expect(filtersFrom('?show=nonsense', []).show).toBe('');
    expect(toSearch({ ...filtersFrom('', []), show: 'with-vendor' })).toBe('?show=with-vendor');
  });

  it('each count card filters the list to exactly the assessments it counts', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const items = [
      a({ id: 'sub', status: 'submitted' }),
      a({ id: 'late', status: 'in_progress', dueAt: '2026-05-01T00:00:00Z' }),
      a({ id: 'inv', status: 'invited' }),
      a({ id: 'draft', status: 'draft' }),
      a({ id: 'done', status: 'approved', dueAt: '2026-05-01T00:00:00Z' }),
    ];
    const counts = dashboardCounts(items, now);
    const none = filtersFrom('', []);
    for (const card of countCards) {
      const f = { ...none, ...card.filters };
      const shown = applyFilters(items, f, now);
      expect(shown, card.key).toHaveLength(counts[card.key]);
      expect(cardActive(card, f)).toBe(true);
      expect(cardActive(card, none)).toBe(false);
    }
    const ids = (i: number) =>
      applyFilters(items, { ...none, ...countCards[i]?.filters }, now)
        .map((x) => x.id)
        .sort();
    expect(ids(1)).toEqual(['late']);
    expect(ids(2)).toEqual(['inv', 'late']);
  });

  it('searches every word, hides archived rows unless asked, and sorts', () => {
    const items = [
      a({ id: '1', vendor: { name: 'Zeta', contactEmail: 'z@z.test' }, dueAt: '2030-02-01' }),
      a({ id: '2', dataset: { name: 'Support chats', intendedUse: 'x' }, dueAt: '2030-01-01' }),
      a({ id: '3', archivedAt: '2026-02-01T00:00:00Z' }),
    ];
    const base = {
      status: '' as const,
      q: '',
      sort: 'due' as const,
      archived: false,
      show: '' as const,
    };
    expect(applyFilters(items, base).map((x) => x.id)).toEqual(['2', '1']);
    expect(applyFilters(items, { ...base, q: 'support acme' }).map((x) => x.id)).toEqual(['2']);
    expect(applyFilters(items, { ...base, archived: true }).map((x) => x.id)).toEqual(['3']);
  });

  it('counts awaiting review and overdue', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const counts = dashboardCounts(
      [
        a({ status: 'submitted' }),
        a({ status: 'in_progress', dueAt: '2026-05-01T00:00:00Z' }),
        a({ status: 'submitted', dueAt: '2026-05-01T00:00:00Z' }),
      ],
      now,
    );
    expect(counts.awaitingReview).toBe(2);
    expect(counts.overdue).toBe(1);
  });
});

describe('review queue model', () => {
  const now = new Date('2026-06-10T12:00:00Z');
  it('says how long an assessment has waited', () => {
    expect(timeInQueue('2026-06-10T09:00:00Z', now)).toBe('3 hours');
    expect(timeInQueue('2026-06-01T12:00:00Z', now)).toBe('9 days');
  });

  it('filters by tier and waiting time, highest risk first', () => {
    const score = (s: number, tier: 'high' | 'low') =>
      ({ score: s, tier }) as unknown as Assessment['report'];
    const items = [
      a({ id: 'low', report: score(10, 'low'), submittedAt: '2026-06-09T00:00:00Z' }),
      a({ id: 'high', report: score(60, 'high'), submittedAt: '2026-05-01T00:00:00Z' }),
    ];
    expect(queueRows(items, { q: '', tier: '', waiting: '' }, now).map((x) => x.id)).toEqual([
      'high',
      'low',
    ]);
    expect(queueRows(items, { q: '', tier: 'low', waiting: '' }, now).map((x) => x.id)).toEqual([
      'low',
    ]);
    expect(queueRows(items, { q: '', tier: '', waiting: 'week' }, now).map((x) => x.id)).toEqual([
      'high',
    ]);
  });
});
