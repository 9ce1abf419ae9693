import type { AppDeps } from '../api/env';
import { parseSampleKey } from '../api/services/samples';
import { exampleRecords, recordTexts, withClusterTexts } from '../core/analysis';
import type { Analysis } from '../core/analysis/types';
import { ConflictError } from '../lib/errors';
import type { Sample } from '../store/samples';
import { describeFailure, type SampleAnalyzer } from './engine';
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
};

/** A crashed analysis may be taken over after this long (SQS redelivers after its visibility timeout). */
export const analysisLeaseMs = 20 * 60_000;

/** Keys of the stored analysis and mergeable partial of a sample. */
export function analysisKeys(s: Pick<Sample, 'organizationId' | 'assessmentId' | 'sampleId'>) {
  const base = `${s.organizationId}/${s.assessmentId}/${s.sampleId}`;
  return { analysis: `analyses/${base}.json`, partial: `partials/${base}.json` };
}

/** Handles ObjectCreated notifications for sample uploads: check, hash, analyze, store, mark. */
export function createAnalyzeHandler(deps: AnalyzeDeps) {
  const { repos, blobs, config, logger } = deps;

  /** Moves the sample to `analyzing` unless another run holds it or it is done; false = skip. */
  async function claim(sample: Sample, etag: string): Promise<Sample | undefined> {
    const now = deps.clock();
    const fresh =
      sample.status === 'analyzing' &&
      now.getTime() - Date.parse(sample.updatedAt) < analysisLeaseMs;
    const done =
      (sample.status === 'analyzed' || sample.status === 'failed') && sample.objectETag === etag;
    if (fresh || done) return undefined;
    const next: Sample = {
      ...sample,
      status: 'analyzing',
      error: null,
      progress: null,
      objectETag: etag,
      updatedAt: now.toISOString(),
      version: sample.version + 1,
    };
    try {
      await repos.samples.save(next);
      return next;
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
  ): Promise<Analysis> {
    const records = exampleRecords(analysis);
    if (records.length === 0) return analysis;
    const stream = await blobs.stream(object.bucket, object.key);
    try {
      return withClusterTexts(
        analysis,
        await recordTexts(stream, analysis, records, { fileName: sample.fileName }),
      );
    } finally {
      (stream as { destroy?: () => void }).destroy?.();
    }
  }

  async function analyzeOne(object: ObjectCreated): Promise<void> {
    const ids = parseSampleKey(object.key);
    if (object.bucket !== config.SAMPLES_BUCKET || !ids) return;
    const stored = await repos.samples.get(ids.organizationId, ids.assessmentId, ids.sampleId);
    if (!stored) return logger.warn('object without a sample record', { key: object.key });
    const head = await blobs.head(object.bucket, object.key);
    if (!head) return;
    const sample = await claim(stored, head.etag ?? String(head.size));
    if (!sample) return logger.info('duplicate or in-flight event ignored', { key: object.key });
    if (head.size !== sample.sizeBytes) {
      await finish(sample, {
        status: 'failed',
        error: `The uploaded file has ${head.size} bytes but ${sample.sizeBytes} were declared. Register the file again with its exact size and upload it once more.`,
      });
      return;
    }
    let result: { analysis: Analysis; partial: string; sha256: string; shards: number };
    const progress = createProgress(sample, (s, p) => repos.samples.saveProgress(s, p));
    try {
      const { bucket, key } = object;
      const stored = {
        size: head.size,
        open: async () => progress.counting(await blobs.stream(bucket, key)),
        openRange: (start: number, end: number) => blobs.streamRange(bucket, key, start, end),
      };
      result = await deps.analyzer.analyzeObject(stored, {
        fileName: sample.fileName,
        fields: sample.fieldOverrides,
        now: deps.clock(),
        workers: config.ANALYSIS_WORKERS ?? 1,
        shardBytes: config.ANALYSIS_SHARD_BYTES,
      });
      if (result.shards > 1) logger.info('analysis fanned out', { key, shards: result.shards });
    } catch (error) {
      const message = describeFailure(error);
      if (!message) throw error;
      await progress.settled();
      await finish(sample, { status: 'failed', error: message });
      return;
    }
    void progress.stage('examples');
    const analysis = await withExamples(object, sample, result.analysis);
    void progress.stage('saving');
    await progress.settled();
    const keys = analysisKeys(sample);
    await blobs.put(config.SAMPLES_BUCKET, keys.partial, result.partial, {
      contentType: 'application/json',
    });
    await blobs.put(config.SAMPLES_BUCKET, keys.analysis, JSON.stringify(analysis), {
      contentType: 'application/json',
    });
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

  return async (objects: ObjectCreated[]): Promise<void> => {
    for (const object of objects) await analyzeOne(object);
  };
}
