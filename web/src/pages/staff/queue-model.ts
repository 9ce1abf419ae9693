/** The review queue's filters (kept in the URL), its order, the next one to review, waiting time. Pure. */
import type { Assessment, Tier } from '../../api/types';

/** Queue filters. */
export interface QueueFilters {
  q: string;
  tier: Tier | '';
  waiting: '' | 'week';
}

const tiers: readonly string[] = ['low', 'moderate', 'high', 'critical'];

/** No filter: the whole queue. */
export const noQueueFilters: QueueFilters = { q: '', tier: '', waiting: '' };

/** Filters from a query string (`?q=…&tier=high&waiting=week`); unknown values are ignored. */
export function queueFiltersFrom(search: string): QueueFilters {
  const p = new URLSearchParams(search);
  const tier = p.get('tier') ?? '';
  return {
    q: p.get('q') ?? '',
    tier: (tiers.includes(tier) ? tier : '') as Tier | '',
    waiting: p.get('waiting') === 'week' ? 'week' : '',
  };
}

/** The query string of `f` (defaults left out), with a leading '?' or ''. */
export function queueSearch(f: QueueFilters): string {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.tier) p.set('tier', f.tier);
  if (f.waiting) p.set('waiting', f.waiting);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** True when any filter narrows the queue. */
export const isQueueFiltered = (f: QueueFilters) => Boolean(f.q.trim() || f.tier || f.waiting);

/** The queue's order: highest risk first (unscored last), then longest waiting, then id. */
export function queueOrder(a: Assessment, b: Assessment): number {
  return (
    (b.report?.score ?? -1) - (a.report?.score ?? -1) ||
    (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/** How long since submission, in words ("3 days", "5 hours"). */
export function timeInQueue(submittedAt: string | null, now = new Date()): string {
  if (!submittedAt) return '—';
  const hours = Math.max(0, (now.getTime() - Date.parse(submittedAt)) / 3_600_000);
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${Math.floor(hours)} hour${Math.floor(hours) === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}

/** Rows matching the filters, highest risk first (unscored last), then longest waiting. */
export function queueRows(items: Assessment[], f: QueueFilters, now = new Date()): Assessment[] {
  const words = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const week = 7 * 86_400_000;
  return items
    .filter((a) => !f.tier || a.report?.tier === f.tier)
    .filter(
      (a) =>
        !f.waiting || (a.submittedAt !== null && now.getTime() - Date.parse(a.submittedAt) > week),
    )
    .filter((a) => {
      const text = `${a.vendor.name} ${a.dataset.name}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort(queueOrder);
}

/**
 * The assessment to review after `current`: among the undecided (`submitted`) ones matching the
 * filters, the first that sorts after `current` in the queue's order, else the first from the top
 * (the reviewer skipped it). Null when nothing else waits.
 */
export function nextInQueue(
  items: Assessment[],
  current: Assessment,
  f: QueueFilters,
  now = new Date(),
): Assessment | null {
  const rest = queueRows(
    items.filter((a) => a.id !== current.id && a.status === 'submitted' && !a.archivedAt),
    f,
    now,
  );
  return rest.find((a) => queueOrder(current, a) < 0) ?? rest[0] ?? null;
}
