import type { ReportSampleFile } from '../../core/scoring/types';
import type { Sample } from '../../store/samples';
import type { AppDeps } from '../env';
import { toSampleView } from './samples';

/**
 * The sample that counts for a role: the newest analyzed one. New uploads replace the earlier
 * sample of their role, so normally there is only one; older data may still hold several.
 */
export function countingSample(samples: Sample[], role: Sample['role']): Sample | undefined {
  return samples
    .filter((s) => s.role === role && s.status === 'analyzed')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** The ids of the samples that count for the report (at most one per role). */
export function countingIds(samples: Sample[]): Set<string> {
  const ids = new Set<string>();
  for (const role of ['training', 'holdout'] as const) {
    const s = countingSample(samples, role);
    if (s) ids.add(s.sampleId);
  }
  return ids;
}

/** What a report says about the file behind one of its samples. */
export type SampleFile = ReportSampleFile;

/** Sample views, each marked with whether it counts for the report. */
export function viewsWithCounts(samples: Sample[]) {
  const ids = countingIds(samples);
  return samples.map((s) => ({ ...toSampleView(s), counts: ids.has(s.sampleId) }));
}

/** The file facts of an analyzed sample, as the report names it. */
export function sampleFile(s: Sample): SampleFile {
  return {
    sampleId: s.sampleId,
    fileName: s.fileName,
    uploadedAt: s.createdAt,
    records: s.summary?.records ?? 0,
    sha256: s.sha256 ?? '',
    // The exact object measured: later reads of the sample are pinned to it too.
    ...(s.objectVersionId ? { versionId: s.objectVersionId } : {}),
    ...(s.objectETag ? { etag: s.objectETag.replace(/"/g, '') } : {}),
  };
}

/** What retiring a sample needs (the analyzer has no multipart calls: the lifecycle rule cleans up). */
export type RetireDeps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'logger' | 'clock'> &
  Partial<Pick<AppDeps, 'multipart'>>;

/**
 * Removes a sample: its record first (so nothing uses it any more), then the uploaded file, its
 * analysis and partial. A failed object delete is logged: the bucket's lifecycle rule expires it.
 */
export async function retireSample(deps: RetireDeps, s: Sample): Promise<void> {
  const removed = await deps.repos.samples.remove(
    s.organizationId,
    s.assessmentId,
    s.sampleId,
    deps.clock().toISOString(),
  );
  // Only the retirement that tombstoned it gives the slot back (two may race: analyzer, API).
  if (removed) await deps.repos.samples.releaseSlot(s.organizationId, s.assessmentId);
  const keys = [s.key, s.analysisKey, s.partialKey].filter((k): k is string => Boolean(k));
  for (const key of keys) {
    try {
      await deps.blobs.delete(deps.config.SAMPLES_BUCKET, key);
    } catch (error) {
      deps.logger.error('sample object not deleted', { sampleId: s.sampleId, error });
    }
  }
  // Parts of an unfinished multipart upload (the lifecycle rule aborts any this misses).
  if (s.multipart && s.status === 'awaiting_upload' && deps.multipart) {
    const target = {
      bucket: deps.config.SAMPLES_BUCKET,
      key: s.key,
      uploadId: s.multipart.uploadId,
    };
    await deps.multipart.abort(target).catch((error: unknown) => {
      deps.logger.error('multipart upload not aborted', { sampleId: s.sampleId, error });
    });
  }
}
