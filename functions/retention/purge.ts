import type { AppDeps } from '../api/env';
import { auditEvent } from '../api/services/audit';
import type { Assessment } from '../core/assessment/types';
import { closedAt, purgeCutoff } from '../core/retention';
import type { BlobStore } from '../store/blob-store';
import type { Repositories } from '../store/repositories';
import type { Sample } from '../store/samples';

/** What the sweep needs: two repositories, object deletes, the retention setting, clock, ids, log. */
export type PurgeDeps = Pick<AppDeps, 'clock' | 'newId' | 'logger'> & {
  repos: Pick<Repositories, 'assessments' | 'samples' | 'spotChecks'>;
  blobs: Pick<BlobStore, 'delete'>;
  config: { SAMPLES_BUCKET: string; SAMPLE_RETENTION_DAYS: number };
};

/** What one run did. `failed`: assessments left for the next run (each is logged). */
export interface PurgeResult {
  assessments: number;
  samples: number;
  objects: number;
  failed: number;
}

/** Assessments handled per run at most; the rest wait for the next day's run. */
export const PURGE_BATCH = 200;

/** The event type the audit trail records for a retention deletion. */
export const PURGE_EVENT = 'samples_purged';

const actor = { kind: 'system', name: 'retention' } as const;

/** Deletes one sample's objects, then marks it purged (a conflict leaves it for the next run). */
async function purgeSample(deps: PurgeDeps, s: Sample, at: string): Promise<number> {
  const keys = [s.key, s.analysisKey, s.partialKey].filter((k): k is string => Boolean(k));
  // Objects first: a sample marked purged must never still have data behind it.
  for (const key of keys) await deps.blobs.delete(deps.config.SAMPLES_BUCKET, key);
  await deps.repos.samples.markPurged(s, at);
  return keys.length;
}

/** Purges every sample of one due assessment and records it on the assessment's audit trail. */
async function purgeAssessment(deps: PurgeDeps, found: Assessment, result: PurgeResult) {
  // The index is eventually consistent: act on the current item, and only if still due.
  const a = await deps.repos.assessments.get(found.organizationId, found.id);
  const closed = a ? closedAt(a) : null;
  if (!a || !closed || a.samplesPurgedAt) return;
  const at = deps.clock().toISOString();
  const samples = (await deps.repos.samples.list(a.organizationId, a.id)).filter(
    (s) => !s.purgedAt,
  );
  let objects = 0;
  for (const s of samples) objects += await purgeSample(deps, s, at);
  // reviewers' spot-checks quote the sample's records: their texts go too, the tags stay
  const quoted = await deps.repos.spotChecks.clearTexts(a.organizationId, a.id, at);
  const now = new Date(at);
  const next: Assessment = { ...a, samplesPurgedAt: at, updatedAt: at, version: a.version + 1 };
  const detail = {
    files: samples.length,
    fileNames: samples.map((s) => s.fileName),
    closedAt: closed,
    retentionDays: deps.config.SAMPLE_RETENTION_DAYS,
    ...(quoted > 0 ? { spotCheckRecords: quoted } : {}),
  };
  await deps.repos.assessments.save(next, auditEvent(deps, next, actor, PURGE_EVENT, detail, now));
  result.assessments++;
  result.samples += samples.length;
  result.objects += objects;
}

/**
 * The retention sweep: for each assessment closed more than `SAMPLE_RETENTION_DAYS` ago whose
 * samples are still held, deletes each sample's file, analysis and partial, marks the sample
 * purged, empties the texts its spot-checks quote and records "sample data deleted under the retention policy". Reports stay. Safe to run
 * again or twice at once: every write is conditional and a purged assessment leaves the index.
 */
export async function purgeDueSamples(deps: PurgeDeps): Promise<PurgeResult> {
  const cutoff = purgeCutoff(deps.clock(), deps.config.SAMPLE_RETENTION_DAYS);
  const due = await deps.repos.assessments.closedBefore(cutoff, PURGE_BATCH);
  const result: PurgeResult = { assessments: 0, samples: 0, objects: 0, failed: 0 };
  for (const a of due) {
    try {
      await purgeAssessment(deps, a, result);
    } catch (error) {
      result.failed++;
      deps.logger.error('retention purge failed; retried on the next run', {
        assessmentId: a.id,
        error,
      });
    }
  }
  if (due.length > 0 || result.failed > 0) deps.logger.info('retention purge', { ...result });
  return result;
}
