import { can } from '../../core/assessment/state-machine';
import type { Sample } from '../../store/samples';
import type { AppDeps } from '../env';

/**
 * True when an uploaded object must be ignored because the sample is frozen: the assessment has
 * left the vendor's hands (submitted, approved, rejected) and the sample already holds another
 * object. A replacement PUT then changes neither the sample, its analysis nor any report; it is
 * logged. A first upload of a sample registered while the vendor still held the assessment is
 * analyzed (its event may arrive after submission), and `rescore` leaves decided reports alone.
 */
export async function isLateReplacement(
  deps: Pick<AppDeps, 'repos' | 'logger'>,
  sample: Sample,
  etag: string,
): Promise<boolean> {
  if (sample.objectETag === null || sample.objectETag === etag) return false;
  const a = await deps.repos.assessments.get(sample.organizationId, sample.assessmentId);
  if (!a || can(a.status, 'save_answers')) return false;
  deps.logger.warn('late upload ignored: the assessment left the vendor’s hands', {
    assessmentId: a.id,
    sampleId: sample.sampleId,
    status: a.status,
  });
  return true;
}

/** True when an assessment's report is final: analyses arriving later do not re-score it. */
export function isDecided(a: { status: string }): boolean {
  return a.status === 'approved' || a.status === 'rejected';
}
