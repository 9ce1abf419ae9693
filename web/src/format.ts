/** Pure formatting helpers shared by the pages. */
import type { AssessmentStatus, Tier } from './api/types';

const statusLabels: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  invited: 'Invited',
  in_progress: 'In progress',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  changes_requested: 'Changes requested',
  cancelled: 'Cancelled',
};

/** A human label for an assessment status. */
export const statusLabel = (status: AssessmentStatus): string => statusLabels[status] ?? status;

const tierLabels: Record<Tier, string> = {
  low: 'Low risk',
  moderate: 'Moderate risk',
  high: 'High risk',
  critical: 'Critical risk',
};

/** A human label for a risk tier (the text that goes with the tier colour). */
export const tierLabel = (tier: Tier): string => tierLabels[tier] ?? tier;

const closed: AssessmentStatus[] = ['submitted', 'approved', 'rejected', 'cancelled'];

/** True when the due date has passed and the vendor still owes an answer. */
export function isOverdue(
  dueAt: string,
  status: AssessmentStatus,
  now: Date = new Date(),
): boolean {
  const due = Date.parse(dueAt);
  return Number.isFinite(due) && due < now.getTime() && !closed.includes(status);
}

/** `2025-03-04` style date (UTC, unambiguous across locales). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** `2025-03-04 14:05 UTC` style timestamp. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A share in [0, 1] as a percentage with up to one decimal. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const value = share * 100;
  return `${value >= 10 || value === 0 ? value.toFixed(0) : value.toFixed(1)} %`;
}

/** Renders any answer, claim or measurement as plain text for tables. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value === 'unknown') return 'Unknown / prefer not to say';
  if (Array.isArray(value)) return value.map(displayValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Turns `near_duplicate_rate` style ids into readable words. */
export function humanize(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
