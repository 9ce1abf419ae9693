/** The review queue's filters and the time each assessment has waited. Pure. */
import type { Assessment, Tier } from '../../api/types';

/** Queue filters. */
export interface QueueFilters {
  q: string;
  tier: Tier | '';
  waiting: '' | 'week';
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
    .sort(
      (a, b) =>
        (b.report?.score ?? -1) - (a.report?.score ?? -1) ||
        (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''),
    );
}
