import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { interruptedMessage, type ObjectCreated } from '../../analyze/handler';
import type { AppDeps } from '../../api/env';
import { parseSampleKey } from '../../api/services/samples';
import { InputLimitError } from '../../core/analysis';
import type { DocClient } from '../../store/dynamo';
import type { Sample } from '../../store/samples';
import type { LostReason } from './queue';

type Deps = Pick<AppDeps, 'config' | 'repos' | 'clock' | 'logger'>;

/**
 * Ends a job whose worker died or overran: an overrun fails the sample with the time limit's
 * message; a crash expires the lease for a retry, or fails the sample after its last attempt.
 */
export async function recoverLost(deps: Deps, object: ObjectCreated, reason: LostReason) {
  const ids = parseSampleKey(object.key);
  if (!ids) return;
  const s = await deps.repos.samples.get(ids.organizationId, ids.assessmentId, ids.sampleId);
  if (s?.status !== 'analyzing') return;
  const minutes = deps.config.ANALYSIS_TIME_BUDGET_SECONDS / 60;
  const error =
    reason === 'overran'
      ? new InputLimitError('timeBudgetMs', `the analysis took longer than ${minutes} minutes`)
          .message
      : (s.attempts ?? 1) >= deps.config.ANALYSIS_MAX_ATTEMPTS
        ? interruptedMessage(s.attempts ?? 1)
        : null;
  deps.logger.warn('analysis lost', { key: object.key, reason, failed: Boolean(error) });
  await deps.repos.samples.save({
    ...s,
    ...(error
      ? { status: 'failed', error, updatedAt: deps.clock().toISOString() }
      : { updatedAt: new Date(0).toISOString() }),
    version: s.version + 1,
  });
}

/** Samples waiting for their upload or analysis, read with a Scan: local only, never per request. */
async function unfinished(doc: DocClient, table: string): Promise<Sample[]> {
  const out: Sample[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'begins_with(SK, :sk) AND #s IN (:a, :w)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sk': 'SAMPLE#', ':a': 'analyzing', ':w': 'awaiting_upload' },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((page.Items ?? []) as Sample[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Re-queues what a crash or a kill left behind: samples whose analysis lease expired, and uploads
 * that landed but were never analyzed. Runs at start and periodically; skips queued keys.
 */
export async function sweepLeases(
  deps: Deps & Pick<AppDeps, 'blobs'>,
  doc: DocClient,
  queue: { push(o: ObjectCreated): void; has(key: string): boolean },
): Promise<number> {
  const { config } = deps;
  const now = deps.clock().getTime();
  let queued = 0;
  for (const s of await unfinished(doc, config.TABLE_NAME)) {
    if (queue.has(s.key)) continue;
    const expired = now - Date.parse(s.updatedAt) >= config.ANALYSIS_LEASE_SECONDS * 1000;
    if (s.status === 'analyzing' && !expired) continue;
    const head = await deps.blobs.head(config.SAMPLES_BUCKET, s.key);
    if (!head) continue;
    deps.logger.info('interrupted analysis re-queued', { key: s.key, status: s.status });
    queue.push({ bucket: config.SAMPLES_BUCKET, key: s.key, size: head.size });
    queued++;
  }
  return queued;
}
