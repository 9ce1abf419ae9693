import { ConflictError } from '../../lib/errors';
import type { AnalyzeDeps, ObjectCreated } from '../handler';
import { type Upload, uploadRepo } from '../uploads';
import { executionName, type RunInput } from './types';

/** Starts workflow executions; `exists` when an execution of that name was already started. */
export interface WorkflowStarter {
  start(name: string, input: RunInput): Promise<'started' | 'exists'>;
}

/** What starting a distributed run needs: the analyzer's dependencies with a starter. */
export type StartDeps = AnalyzeDeps & { workflow: WorkflowStarter };

const DONE = new Set(['analyzed', 'failed', 'unusable']);

/**
 * Hands a sample over the size threshold to the distributed workflow: marks it `analyzing` for
 * this upload (compare-and-set) and starts an execution named from its id and ETag, so a duplicate
 * or redelivered event starts nothing. Samples already done for this upload are left alone.
 */
export async function startDistributed(
  deps: StartDeps,
  object: ObjectCreated,
  sample: Upload,
  etag: string,
  size: number,
): Promise<void> {
  const { logger } = deps;
  if (DONE.has(sample.status) && sample.objectETag === etag) {
    return logger.info('duplicate event for an analyzed sample ignored', { key: object.key });
  }
  if (sample.status !== 'analyzing' || sample.objectETag !== etag || sample.queuedAt) {
    const next = {
      ...sample,
      status: 'analyzing',
      error: null,
      progress: null,
      queuedAt: null,
      objectETag: etag,
      objectVersionId: object.versionId ?? null,
      attempts: 1,
      updatedAt: deps.clock().toISOString(),
      version: sample.version + 1,
    } as Upload;
    try {
      await uploadRepo(deps.repos).save(next);
    } catch (error) {
      // another event for this sample got there first; its run (same name) is the one
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  const input: RunInput = {
    bucket: object.bucket,
    key: object.key,
    organizationId: sample.organizationId,
    scope: sample.assessmentId,
    sampleId: sample.sampleId,
    etag,
    ...(object.versionId ? { versionId: object.versionId } : {}),
    size,
  };
  const name = executionName(sample.sampleId, etag, sample.runs);
  const outcome = await deps.workflow.start(name, input);
  logger.info(
    outcome === 'started' ? 'distributed analysis started' : 'distributed analysis already running',
    { key: object.key, execution: name, size },
  );
}
