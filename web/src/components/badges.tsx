/** Status, tier and due-date labels: always text, colour only reinforces it. */
import type { AssessmentStatus, Tier } from '../api/types';
import { formatDate, isOverdue, statusLabel, tierLabel } from '../format';

/** The assessment status as a labelled pill. */
export function StatusBadge({ status }: { status: AssessmentStatus }) {
  return <span class={`badge status status-${status}`}>{statusLabel(status)}</span>;
}

/** The risk tier as text plus colour (and an optional score). */
export function TierBadge({ tier, score }: { tier: Tier | null | undefined; score?: number }) {
  if (!tier) return <span class="badge tier tier-none">Not scored</span>;
  return (
    <span class={`badge tier tier-${tier}`}>
      {tierLabel(tier)}
      {score !== undefined ? ` · ${Math.round(score)}` : ''}
    </span>
  );
}

/** The due date; overdue dates carry the word "Overdue" and a marker, not just a colour. */
export function DueDate({ dueAt, status }: { dueAt: string; status: AssessmentStatus }) {
  const late = isOverdue(dueAt, status);
  return (
    <span class={late ? 'due overdue' : 'due'}>
      <time dateTime={dueAt}>{formatDate(dueAt)}</time>
      {late ? (
        <strong class="overdue-flag">
          <span aria-hidden="true">⚠ </span>Overdue
        </strong>
      ) : null}
    </span>
  );
}
