import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { interruptedMessage, type ObjectCreated } from '../../analyze/handler';
import { parseUploadKey, type Upload, uploadRepo } from '../../analyze/uploads';
import type { AppDeps } from '../../api/env';
import { InputLimitError } from '../../core/analysis';
import type { DocClient } from '../../store/dynamo';
import { referenceKeys } from '../../store/references';
import type { LostReason } from './queue';

type Deps = Pick<AppDeps, 'config' | 'repos' | 'clock' | 'logger'>;

/** What recovery did: failed the upload, released its lease for a retry, or nothing (not analyzing). */
export type Recovery = 'failed' | 'released' | 'none';

/**
 * Ends a job whose worker died or overran: an overrun fails the upload with the time limit's
 * message; a crash expires the lease for a retry, or fails the upload after its last attempt.
 */
export async function recoverLost(
  deps: Deps,
  object: ObjectCreated,
  reason: LostReason,
): Promise<Recovery> {
  const ids = parseUploadKey(object.key);
  if (!ids) return 'none';
  const uploads = uploadRepo(deps.repos);
  const s = await uploads.get(ids);
  if (s?.status !== 'analyzing') return 'none';
  const minutes = deps.config.ANALYSIS_TIME_BUDGET_SECONDS / 60;
  const error =
    reason === 'overran'
      ? new InputLimitError('timeBudgetMs', `the analysis took longer than ${minutes} minutes`)
          .message
      : (s.attempts ?? 1) >= deps.config.ANALYSIS_MAX_ATTEMPTS
        ? interruptedMessage(s.attempts ?? 1)
        : null;
  deps.logger.warn('analysis lost', { key: object.key, reason, failed: Boolean(error) });
  await uploads.save({
    ...s,
    ...(error
      ? { status: 'failed', error, updatedAt: deps.clock().toISOString() }
      : { updatedAt: new Date(0).toISOString() }),
    version: s.version + 1,
  } as Upload);
  return error ? 'failed' : 'released';
}

/** Uploads (samples and references) waiting for their upload or analysis, read with a Scan: local only, never per request. */
async function unfinished(doc: DocClient, table: string): Promise<Upload[]> {
  const out: Upload[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '(begins_with(SK, :sk) OR begins_with(SK, :ref)) AND #s IN (:a, :w)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':sk': 'SAMPLE#',
          ':ref': referenceKeys.prefix,
          ':a': 'analyzing',
          ':w': 'awaiting_upload',
        },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((page.Items ?? []) as Upload[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Re-queues what a crash or a kill left behind, at start and then periodically: uploads that
 * landed but were never analyzed, and `analyzing` ones outside this portal's queue. The portal
 * claims only what its queue holds (until the job ends, and a lost job's lease is expired first),
 * so such an analysis belongs to a process that is gone (`kill -9`): its lease is taken over now,
 * as another attempt, instead of after ANALYSIS_LEASE_SECONDS. One portal process per data folder.
 */
export async function sweepLeases(
  deps: Deps & Pick<AppDeps, 'blobs'>,
  doc: DocClient,
  queue: { push(o: ObjectCreated): void; has(key: string): boolean },
): Promise<number> {
  const { config } = deps;
  let queued = 0;
  for (const s of await unfinished(doc, config.TABLE_NAME)) {
    if (queue.has(s.key)) continue;
    const head = await deps.blobs.head(config.SAMPLES_BUCKET, s.key);
    if (!head) continue;
    const object = { bucket: config.SAMPLES_BUCKET, key: s.key, size: head.size };
    if (s.status === 'analyzing' && (await recoverLost(deps, object, 'crashed')) !== 'released')
      continue;
    deps.logger.info('interrupted analysis re-queued', { key: s.key, status: s.status });
    queue.push(object);
    queued++;
  }
  return queued;
}
