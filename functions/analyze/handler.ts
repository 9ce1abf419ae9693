import type { AppDeps } from '../api/env';
import { isLateReplacement } from '../api/services/sample-freeze';
import { parseSampleKey } from '../api/services/samples';
import { exampleRecords, recordTexts, withClusterTexts } from '../core/analysis';
import type { Analysis } from '../core/analysis/types';
import { ConflictError } from '../lib/errors';
import { noMetrics, type ProductMetrics } from '../lib/metrics';
import type { Sample } from '../store/samples';
import { Deadline, timeLimitMessage } from './deadline';
import { describeFailure, inputLimitsOf, type SampleAnalyzer } from './engine';
import { createProgress } from './progress';

/** The part of an S3 event record the analyzer reads. */
export interface ObjectCreated {
  bucket: string;
  key: string;
  size: number;
}

/** What the analyzer needs from the app's dependencies. */
export type AnalyzeDeps = Pick<AppDeps, 'config' | 'logger' | 'clock' | 'repos' | 'blobs'> & {
  analyzer: SampleAnalyzer;
  /** Called after each completed analysis (the portal re-scores the assessment). */
  onAnalyzed?: (sample: Sample) => Promise<void>;
  /** Product metrics (Powertools EMF in Lambda); none by default. */
  metrics?: ProductMetrics;
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

/** Keys of the stored analysis and mergeable partial of a sample. */
export function analysisKeys(s: Pick<Sample, 'organizationId' | 'assessmentId' | 'sampleId'>) {
  const base = `${s.organizationId}/${s.assessmentId}/${s.sampleId}`;
  return { analysis: `analyses/${base}.json`, partial: `partials/${base}.bin` };
}

/** Handles ObjectCreated notifications for sample uploads: check, hash, analyze, store, mark. */
export function createAnalyzeHandler(deps: AnalyzeDeps) {
  const { repos, blobs, config, logger } = deps;
  const metrics = deps.metrics ?? noMetrics;

  const leaseMs = config.ANALYSIS_LEASE_SECONDS * 1000;
  const maxAttempts = config.ANALYSIS_MAX_ATTEMPTS;

  /**
   * Moves the sample to `analyzing` unless another run holds it or it is done; undefined = skip.
   * A run taking over an expired lease counts as another attempt; past the limit the sample fails.
   */
  async function claim(sample: Sample, etag: string): Promise<Sample | undefined> {
    const now = deps.clock();
    const fresh =
      sample.status === 'analyzing' && now.getTime() - Date.parse(sample.updatedAt) < leaseMs;
    const done =
      (sample.status === 'analyzed' || sample.status === 'failed') && sample.objectETag === etag;
    if (fresh || done) return undefined;
    const retry = sample.status === 'analyzing' && sample.objectETag === etag;
    const attempts = retry ? (sample.attempts ?? 1) : 0;
    const given = attempts >= maxAttempts;
    const next: Sample = {
      ...sample,
      status: given ? 'failed' : 'analyzing',
      error: given ? interruptedMessage(attempts) : null,
      progress: null,
      objectETag: etag,
      attempts: given ? attempts : attempts + 1,
      updatedAt: now.toISOString(),
      version: sample.version + 1,
    };
    try {
      await repos.samples.save(next);
      if (given) logger.warn('analysis given up', { key: sample.key, attempts });
      return given ? undefined : next;
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  async function finish(sample: Sample, change: Partial<Sample>): Promise<Sample> {
    const next = {
      ...sample,
      progress: null,
      ...change,
      updatedAt: deps.clock().toISOString(),
      version: sample.version + 1,
    };
    await repos.samples.save(next);
    return next;
  }

  /** Adds the masked texts of the largest duplicate clusters' examples (a second, early-stopping read). */
  async function withExamples(
    object: ObjectCreated,
    sample: Sample,
    analysis: Analysis,
    deadline: Deadline,
  ): Promise<Analysis> {
    const records = exampleRecords(analysis);
    if (records.length === 0) return analysis;
    const stream = deadline.guard(await blobs.stream(object.bucket, object.key));
    try {
      return withClusterTexts(
        analysis,
        await recordTexts(stream, analysis, records, { fileName: sample.fileName }),
      );
    } finally {
      (stream as { destroy?: () => void }).destroy?.();
    }
  }

  async function analyzeOne(object: ObjectCreated, deadline: Deadline): Promise<void> {
    const ids = parseSampleKey(object.key);
    if (object.bucket !== config.SAMPLES_BUCKET || !ids) return;
    const stored = await repos.samples.get(ids.organizationId, ids.assessmentId, ids.sampleId);
    if (!stored) return logger.warn('object without a sample record', { key: object.key });
    const head = await blobs.head(object.bucket, object.key);
    if (!head) return;
    if (await isLateReplacement(deps, stored, head.etag ?? String(head.size))) return;
    const sample = await claim(stored, head.etag ?? String(head.size));
    if (!sample) return logger.info('duplicate or in-flight event ignored', { key: object.key });
    try {
      await analyzeClaimed(object, sample, head.size, deadline);
    } catch (error) {
      await giveBack(sample, error);
      throw error;
    }
  }

  /**
   * After an unexpected error: fails the sample on its last attempt, else expires its lease so the
   * retry (SQS redelivery, or the local queue) takes it over at once. Never leaves it `analyzing`.
   */
  async function giveBack(sample: Sample, error: unknown): Promise<void> {
    const current = await repos.samples.get(
      sample.organizationId,
      sample.assessmentId,
      sample.sampleId,
    );
    if (current?.status !== 'analyzing' || current.version !== sample.version) return;
    const last = (current.attempts ?? 1) >= maxAttempts;
    logger.error('analysis attempt failed', { key: sample.key, error, last });
    const next: Sample = last
      ? {
          ...current,
          status: 'failed',
          error:
            'The analysis failed because of an internal error, several times. Upload the file again; if this repeats, contact the buyer.',
          updatedAt: deps.clock().toISOString(),
          version: current.version + 1,
        }
      : { ...current, updatedAt: new Date(0).toISOString(), version: current.version + 1 };
    await repos.samples
      .save(next)
      .catch((e: unknown) => logger.error('could not release the sample', { error: e }));
  }

  async function analyzeClaimed(
    object: ObjectCreated,
    sample: Sample,
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
    const started = Date.now();
    let result: Awaited<ReturnType<SampleAnalyzer['analyzeObject']>>;
    let analysis: Analysis;
    const progress = createProgress(sample, (s, p) => repos.samples.saveProgress(s, p));
    try {
      const { bucket, key } = object;
      const stored = {
        size: head.size,
        open: async () => deadline.guard(progress.counting(await blobs.stream(bucket, key))),
        openRange: async (start: number, end: number) =>
          deadline.guard(await blobs.streamRange(bucket, key, start, end)),
      };
      result = await deps.analyzer.analyzeObject(stored, {
        fileName: sample.fileName,
        fields: sample.fieldOverrides,
        now: deps.clock(),
        workers: config.ANALYSIS_WORKERS ?? 1,
        shardBytes: config.ANALYSIS_SHARD_BYTES,
        input: inputLimitsOf(config),
      });
      if (result.shards > 1) logger.info('analysis fanned out', { key, shards: result.shards });
      void progress.stage('examples');
      analysis = await withExamples(object, sample, result.analysis, deadline);
    } catch (error) {
      const message = deadline.expired
        ? timeLimitMessage(sample.fileName, deadline.limitMs)
        : describeFailure(error);
      if (!message) throw error;
      metrics.analysisFailed(deadline.expired ? 'timeout' : 'input');
      logger.warn('analysis failed', { key: object.key, reason: message });
      await progress.settled();
      await finish(sample, { status: 'failed', error: message });
      return;
    }
    void progress.stage('saving');
    await progress.settled();
    const keys = analysisKeys(sample);
    await blobs.put(config.SAMPLES_BUCKET, keys.partial, result.partial, {
      contentType: 'application/vnd.diligence.partial',
    });
    await blobs.put(config.SAMPLES_BUCKET, keys.analysis, JSON.stringify(analysis), {
      contentType: 'application/json',
    });
    metrics.sampleAnalyzed((Date.now() - started) / 1000);
    const a = analysis;
    const done = await finishUnlessDeleted(sample, {
      status: 'analyzed',
      sha256: result.sha256,
      analysisKey: keys.analysis,
      partialKey: keys.partial,
      summary: {
        records: a.input.records,
        exactRate: a.duplicates.exactRate,
        nearRate: a.duplicates.nearRate,
        estimatedShare: a.synthetic.estimatedShare,
        fields: { ...a.input.fields },
      },
    });
    if (!done) {
      // The vendor deleted or replaced the sample meanwhile: drop what this run wrote.
      for (const k of [keys.analysis, keys.partial]) await blobs.delete(config.SAMPLES_BUCKET, k);
      return logger.info('sample deleted during analysis', { key: object.key });
    }
    await deps.onAnalyzed?.(done);
  }

  /** `finish`, or undefined when the sample record no longer exists. */
  async function finishUnlessDeleted(sample: Sample, change: Partial<Sample>) {
    try {
      return await finish(sample, change);
    } catch (error) {
      const gone =
        error instanceof ConflictError &&
        !(await repos.samples.get(sample.organizationId, sample.assessmentId, sample.sampleId));
      if (gone) return undefined;
      throw error;
    }
  }

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
