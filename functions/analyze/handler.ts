import type { AppDeps } from '../api/env';
import { isLateReplacement } from '../api/services/sample-freeze';
import { retireReplaced } from '../api/services/sample-replacement';
import { exampleRecords, recordTexts, withClusterTexts } from '../core/analysis';
import { UnusableInputError } from '../core/analysis/errors';
import type { Analysis } from '../core/analysis/types';
import { ConflictError } from '../lib/errors';
import { noMetrics, type ProductMetrics } from '../lib/metrics';
import { StaleObjectError } from '../store/object-pin';
import type { VersionPurger } from '../store/object-versions';
import type { Sample } from '../store/samples';
import { Deadline, timeLimitMessage } from './deadline';
import { handOverTimedOut } from './distributed/hand-over';
import { imageArchiveTooBig } from './distributed/image-route';
import { type StartDeps, startDistributed, type WorkflowStarter } from './distributed/start';
import { describeFailure, inputLimitsOf, type SampleAnalyzer } from './engine';
import { isPackUpload, processPackUpload } from './fingerprint-upload';
import { headAtEvent, pinOf } from './pin';
import { createProgress } from './progress';
import { referenceTextProblem } from './reference-fields';
import {
  finish as finishStored,
  finishUnlessDeleted as finishStoredUnlessDeleted,
  storeResult,
} from './store-result';
import { parseUploadKey, type Upload, uploadRepo } from './uploads';

/** The part of an S3 event record the analyzer reads. */
export interface ObjectCreated {
  bucket: string;
  key: string;
  size: number;
  /** The version the event was for (versioned buckets in AWS); reads are pinned to it. */
  versionId?: string;
  /** The ETag the event carries; a read meeting another ETag fails instead of analyzing it. */
  eTag?: string;
}

/** What the analyzer needs from the app's dependencies. */
export type AnalyzeDeps = Pick<AppDeps, 'config' | 'logger' | 'clock' | 'repos' | 'blobs'> & {
  analyzer: SampleAnalyzer;
  /** Called after each completed analysis, usable or not (the portal re-scores what it feeds). */
  onAnalyzed?: (sample: Upload) => Promise<void>;
  /** Product metrics (Powertools EMF in Lambda); none by default. */
  metrics?: ProductMetrics;
  /** Starts the distributed workflow for samples over DISTRIBUTED_THRESHOLD_BYTES; none = one pass. */
  workflow?: WorkflowStarter;
  /** Deletes every version of a fingerprint upload once read (none: a plain delete). */
  versions?: VersionPurger;
  /** Ids of audit events (fingerprint packs built or refused); none: no event. */
  newId?: AppDeps['newId'];
};

/** Per-invocation options: Lambda passes its remaining time so a slow analysis fails cleanly. */
export interface InvocationOptions {
  /** Milliseconds left before the runtime kills the invocation. */
  remainingMs?: () => number;
}

/** A crashed analysis may be taken over after this long (SQS redelivers after its visibility timeout). */
export const analysisLeaseMs = 20 * 60_000;

/** The message of a sample whose analysis kept being interrupted. */
export function interruptedMessage(attempts: number): string {
  return `The analysis was interrupted ${attempts} times (the analyzer stopped or crashed before it finished), so it was given up. Upload the file again; if this repeats, upload a smaller sample.`;
}

export { analysisKeys } from './store-result';

/** Handles ObjectCreated notifications for sample uploads: check, hash, analyze, store, mark. */
export function createAnalyzeHandler(deps: AnalyzeDeps) {
  const { repos, blobs, config, logger } = deps;
  const metrics = deps.metrics ?? noMetrics;
  const uploads = uploadRepo(repos);
  const idsOf = (s: Upload) => ({
    organizationId: s.organizationId,
    scope: s.assessmentId,
    sampleId: s.sampleId,
  });

  const leaseMs = config.ANALYSIS_LEASE_SECONDS * 1000;
  const maxAttempts = config.ANALYSIS_MAX_ATTEMPTS;

  /**
   * Moves the sample to `analyzing` unless another run holds it or it is done; undefined = skip.
   * A run taking over an expired lease counts as another attempt; past the limit the sample fails.
   */
  async function claim(
    sample: Upload,
    etag: string,
    versionId?: string,
  ): Promise<Upload | undefined> {
    const now = deps.clock();
    // a queued re-analysis (a mapping change) is `analyzing` but held by no run yet
    const queued = sample.status === 'analyzing' && Boolean(sample.queuedAt);
    const fresh =
      !queued &&
      sample.status === 'analyzing' &&
      now.getTime() - Date.parse(sample.updatedAt) < leaseMs;
    const done =
      (sample.status === 'analyzed' ||
        sample.status === 'failed' ||
        sample.status === 'unusable') &&
      sample.objectETag === etag;
    if (fresh || done) return undefined;
    const retry = !queued && sample.status === 'analyzing' && sample.objectETag === etag;
    const attempts = retry ? (sample.attempts ?? 1) : 0;
    const given = attempts >= maxAttempts;
    const next = {
      ...sample,
      status: given ? 'failed' : 'analyzing',
      error: given ? interruptedMessage(attempts) : null,
      progress: null,
      queuedAt: null,
      objectETag: etag,
      objectVersionId: versionId ?? null,
      attempts: given ? attempts : attempts + 1,
      updatedAt: now.toISOString(),
      version: sample.version + 1,
    };
    try {
      await uploads.save(next as Upload);
      if (given) logger.warn('analysis given up', { key: sample.key, attempts });
      return given ? undefined : (next as Upload);
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  /** Adds the masked texts of the largest duplicate clusters' examples (a second, early-stopping read). */
  async function withExamples(
    object: ObjectCreated,
    sample: Upload,
    analysis: Analysis,
    deadline: Deadline,
  ): Promise<Analysis> {
    const records = exampleRecords(analysis);
    if (records.length === 0) return analysis;
    const stream = deadline.guard(await blobs.stream(object.bucket, object.key, pinOf(sample)));
    try {
      return withClusterTexts(
        analysis,
        await recordTexts(stream, analysis, records, { fileName: sample.fileName }),
      );
    } finally {
      (stream as { destroy?: () => void }).destroy?.();
    }
  }

  async function analyzeOne(object: ObjectCreated, deadline: Deadline, again = true) {
    // A fingerprint pack or corpus: validated or built, then deleted (fingerprint-upload.ts).
    if (isPackUpload(object.key)) return processPackUpload(deps, object);
    const ids = parseUploadKey(object.key);
    if (object.bucket !== config.SAMPLES_BUCKET || !ids) return;
    const stored = await uploads.get(ids);
    if (!stored) return logger.warn('object without a sample record', { key: object.key });
    // Pinned to the event's version and ETag: a replaced object is its own event's business.
    const head = await headAtEvent(blobs, object);
    if (!head) return logger.info('event for a replaced or deleted object', { key: object.key });
    const etag = head.etag ?? String(head.size);
    if (stored.role !== 'reference' && (await isLateReplacement(deps, stored, etag))) return;
    const at = { ...object, versionId: head.versionId ?? object.versionId };
    if (
      deps.workflow &&
      (head.size > config.DISTRIBUTED_THRESHOLD_BYTES ||
        (await imageArchiveTooBig(
          blobs,
          at,
          { versionId: at.versionId, etag },
          stored.fileName,
          head.size,
          config,
        )))
    )
      return startDistributed(deps as StartDeps, at, stored, etag, head.size);
    const sample = await claim(stored, etag, at.versionId);
    if (!sample) return logger.info('duplicate or in-flight event ignored', { key: object.key });
    // The new file is here: the samples it replaces stop counting now, not at registration.
    // (A file declared the same as the one it replaces retires it once its hash is checked.)
    if (sample.role !== 'reference' && !sample.declaredSha256) await retireReplaced(deps, sample);
    try {
      await analyzeClaimed(object, sample, head.size, deadline);
    } catch (error) {
      await giveBack(sample, error, error instanceof StaleObjectError);
      if (!(error instanceof StaleObjectError)) throw error;
      // Replaced mid-read (an engine without versions): the bytes now stored get one fresh run.
      logger.warn('object replaced during its analysis', { key: object.key });
      if (again)
        await analyzeOne({ ...object, versionId: undefined, eTag: undefined }, deadline, false);
    }
  }

  /**
   * After an unexpected error: fails the sample on its last attempt, else expires its lease so the
   * retry (SQS redelivery, or the local queue) takes it over at once. Never leaves it `analyzing`.
   */
  async function giveBack(sample: Upload, error: unknown, replaced = false): Promise<void> {
    const current = await uploads.get(idsOf(sample));
    if (current?.status !== 'analyzing' || current.version !== sample.version) return;
    const last = !replaced && (current.attempts ?? 1) >= maxAttempts;
    logger.error('analysis attempt failed', { key: sample.key, error, last });
    const next = (
      last
        ? {
            ...current,
            status: 'failed',
            error:
              'The analysis failed because of an internal error, several times. Upload the file again; if this repeats, contact the buyer.',
            updatedAt: deps.clock().toISOString(),
            version: current.version + 1,
          }
        : { ...current, updatedAt: new Date(0).toISOString(), version: current.version + 1 }
    ) as Upload;
    await uploads
      .save(next)
      .catch((e: unknown) => logger.error('could not release the sample', { error: e }));
  }

  async function analyzeClaimed(
    object: ObjectCreated,
    sample: Upload,
    size: number,
    deadline: Deadline,
  ) {
    const head = { size };
    if (head.size !== sample.sizeBytes) {
      metrics.analysisFailed('size');
      await finish(sample, {
        status: 'failed',
        error: `The uploaded file has ${head.size} bytes but ${sample.sizeBytes} were declared. Register the file again with its exact size and upload it once more.`,
      });
      return;
    }
    const ambiguous = await referenceTextProblem(blobs, object, sample);
    if (ambiguous) {
      metrics.analysisFailed('input');
      await finishUnlessDeleted(sample, { status: 'failed', error: ambiguous });
      return;
    }
    const started = Date.now();
    let result: Awaited<ReturnType<SampleAnalyzer['analyzeObject']>>;
    let analysis: Analysis;
    // References have no progress display; their sink records nothing.
    const progress = createProgress(sample as Sample, (s, p) =>
      sample.role === 'reference' ? Promise.resolve(false) : repos.samples.saveProgress(s, p),
    );
    try {
      const { bucket, key } = object;
      const pin = pinOf(sample);
      const stored = {
        size: head.size,
        open: async () => deadline.guard(progress.counting(await blobs.stream(bucket, key, pin))),
        openRange: async (start: number, end: number) =>
          deadline.guard(await blobs.streamRange(bucket, key, start, end, pin)),
      };
      result = await deps.analyzer.analyzeObject(stored, {
        fileName: sample.fileName,
        fields: sample.fieldOverrides,
        // the per-sample secret: the spot-check pool a reviewer draws from (never for references)
        ...('drawKey' in sample && sample.drawKey ? { spotCheck: { key: sample.drawKey } } : {}),
        now: deps.clock(),
        workers: config.ANALYSIS_WORKERS ?? 1,
        shardBytes: config.ANALYSIS_SHARD_BYTES,
        input: inputLimitsOf(config),
      });
      if (result.shards > 1) logger.info('analysis fanned out', { key, shards: result.shards });
      void progress.stage('examples');
      analysis = await withExamples(object, sample, result.analysis, deadline);
    } catch (error) {
      if (deadline.expired && deps.workflow) {
        await progress.settled();
        return handOverTimedOut(deps as StartDeps, object, sample, head.size);
      }
      const message = deadline.expired
        ? timeLimitMessage(sample.fileName, deadline.limitMs)
        : describeFailure(error);
      if (!message) throw error;
      metrics.analysisFailed(deadline.expired ? 'timeout' : 'input');
      logger.warn('analysis failed', { key: object.key, reason: message });
      await progress.settled();
      const status = error instanceof UnusableInputError ? 'unusable' : 'failed';
      const done = await finishUnlessDeleted(sample, { status, error: message });
      // An unusable sample is named in the report's headline, so the report is redone; a failed
      // one is only announced (sample.failed), see afterAnalysis.
      if (done) await deps.onAnalyzed?.(done);
      return;
    }
    void progress.stage('saving');
    await progress.settled();
    metrics.sampleAnalyzed((Date.now() - started) / 1000);
    await storeResult(deps, sample, { analysis, partial: result.partial, sha256: result.sha256 });
  }

  const finish = (sample: Upload, change: Partial<Upload>) => finishStored(deps, sample, change);
  const finishUnlessDeleted = (sample: Upload, change: Partial<Upload>) =>
    finishStoredUnlessDeleted(deps, sample, change);

  return async (objects: ObjectCreated[], options: InvocationOptions = {}): Promise<void> => {
    for (const object of objects) {
      const deadline = new Deadline(options.remainingMs);
      try {
        await analyzeOne(object, deadline);
      } finally {
        deadline.clear();
      }
    }
  };
}
