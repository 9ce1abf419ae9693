/**
 * Retention of vendor sample data: counted from the day an assessment reached a final state
 * (approved, rejected or cancelled; archiving keeps that day), never from the upload.
 */
import type { Assessment, AssessmentStatus } from '../assessment/types';

const dayMs = 86_400_000;

/** Statuses after which nothing more happens to an assessment's samples. */
export const closedStatuses: readonly AssessmentStatus[] = ['approved', 'rejected', 'cancelled'];

/** Default days sample data is kept after the decision (`sampleRetentionDays`). */
export const DEFAULT_SAMPLE_RETENTION_DAYS = 180;

/**
 * When the assessment reached its final state: the decision for approved and rejected, the
 * cancellation for cancelled; null while it is still open or submitted ("changes requested" is not
 * final). `updatedAt` stands in only for data stored without the decision's own time.
 */
export function closedAt(
  a: Pick<Assessment, 'status' | 'decision' | 'cancellation' | 'updatedAt'>,
): string | null {
  if (!closedStatuses.includes(a.status)) return null;
  if (a.status === 'cancelled') return a.cancellation?.at ?? a.updatedAt;
  return a.decision?.at ?? a.updatedAt;
}

/** The day the samples of an assessment closed at `closed` become due for deletion. */
export function purgeDueAt(closed: string, retentionDays: number): string {
  const t = Date.parse(closed);
  if (Number.isNaN(t)) throw new RangeError(`not a date: ${closed}`);
  return new Date(t + retentionDays * dayMs).toISOString();
}

/**
 * The latest closing time whose samples are due at `now`: an assessment closed strictly before
 * it has been closed for more than `retentionDays`. The sweep queries the index with this bound,
 * so a changed retention setting applies to every closed assessment without rewriting any item.
 */
export function purgeCutoff(now: Date, retentionDays: number): string {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new RangeError(`retention must be a whole number of days above 0, got ${retentionDays}`);
  }
  return new Date(now.getTime() - retentionDays * dayMs).toISOString();
}
