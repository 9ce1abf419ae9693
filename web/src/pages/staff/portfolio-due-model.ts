/** The due list in words (pure, unit-tested): when, and what was done about it. */
import type { DueItem } from '../../api/reassessment';
import { formatDate } from '../../format';

/** "Due today" or "Overdue by 3 days (due 2026-11-30)". */
export function dueWords(item: Pick<DueItem, 'dueAt' | 'overdueDays'>): string {
  if (item.overdueDays <= 0) return `Due today (${formatDate(item.dueAt)})`;
  const days = `${item.overdueDays} day${item.overdueDays === 1 ? '' : 's'}`;
  return `Overdue by ${days} (due ${formatDate(item.dueAt)})`;
}

/** "every 182 days" → "About every 6 months" when it is close to whole months; else days. */
export function cadenceWords(days: number): string {
  const months = Math.round(days / 30.44);
  if (months >= 1 && Math.abs(months * 30.44 - days) <= 3) {
    if (months % 12 === 0) return months === 12 ? 'Yearly' : `Every ${months / 12} years`;
    return months === 1 ? 'About monthly' : `About every ${months} months`;
  }
  return `Every ${days} day${days === 1 ? '' : 's'}`;
}

/** What happened about the due date, in words (without the link to the re-assessment). */
export function stateWords(item: Pick<DueItem, 'state' | 'reassessment'>): string {
  switch (item.state) {
    case 'proposed':
      return 'Proposed: waiting for procurement to start it.';
    case 'due':
    case 'claimed':
      return 'Being prepared.';
    case 'covered':
      return 'A re-assessment was already under way.';
    default:
      return item.reassessment ? 'Re-assessment started.' : 'Re-assessment not found.';
  }
}
