import type { Sample } from '../../store/samples';

/** "28 May 2027" from an ISO time (UTC), as reports and e-mails write dates. */
const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Why a sample whose data the retention policy deleted is no longer evidence, in words. */
export function retentionReason(purgedAt: string): string {
  return `Its data was deleted on ${day(purgedAt)} under the retention policy (sample files are kept for a set time after the decision); the report can no longer measure it.`;
}

/**
 * The counting samples whose data was deleted under retention, in the report's "not usable as
 * evidence" shape, so a report scored after the deletion says so instead of failing on a read.
 */
export function deletedUnderRetention(samples: readonly (Sample | undefined)[]) {
  return samples
    .filter((s): s is Sample & { purgedAt: string } => Boolean(s?.purgedAt))
    .map((s) => ({
      sampleId: s.sampleId,
      fileName: s.fileName,
      role: s.role,
      reason: retentionReason(s.purgedAt),
    }));
}
