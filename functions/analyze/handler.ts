import type { AppDeps } from '../api/env';
import { exampleRecords, recordTexts, withClusterTexts } from '../core/analysis';
import { UnusableInputError } from '../core/analysis/errors';
import type { Analysis } from '../core/analysis/types';
import { unusableReason } from '../core/analysis/usability';
import { ConflictError } from '../lib/errors';
import { describeFailure, type SampleAnalyzer } from './engine';
import { parseUploadKey, type Upload, uploadRepo } from './uploads';

/** The part of an S3 event record the analyzer reads. */
export interface ObjectCreated {
  bucket: string;
  key: string;
  size: number;
}

/** What the analyzer needs from the app's dependencies. */
export type AnalyzeDeps = Pick<AppDeps, 'config' | 'logger' | 'clock' | 'repos' | 'blobs'> & {
  analyzer: SampleAnalyzer;
  /** Called after each completed analysis, usable or not (the portal re-scores what it feeds). */
  onAnalyzed?: (sample: Upload) => Promise<void>;
};

/** A crashed analysis may be taken over after this long (SQS redelivers after its visibility timeout). */
export const analysisLeaseMs = 20 * 60_000;

/** Keys of the stored analysis and mergeable partial of a sample. */
export function analysisKeys(s: Pick<Upload, 'organizationId' | 'assessmentId' | 'sampleId'>) {
  const base = `${s.organizationId}/${s.assessmentId}/${s.sampleId}`;
  return { analysis: `analyses/${base}.json`, partial: `partials/${base}.json` };
}

/** Handles ObjectCreated notifications for sample uploads: check, hash, analyze, store, mark. */
export function createAnalyzeHandler(deps: AnalyzeDeps) {
  const { repos, blobs, config, logger } = deps;
  const uploads = uploadRepo(repos);

  /** Moves the sample to `analyzing` unless another run holds it or it is done; false = skip. */
  async function claim(sample: Upload, etag: string): Promise<Upload | undefined> {
    const now = deps.clock();
    const fresh =
      sample.status === 'analyzing' &&
      now.getTime() - Date.parse(sample.updatedAt) < analysisLeaseMs;
    const done =
      (sample.status === 'analyzed' ||
        sample.status === 'failed' ||
        sample.status === 'unusable') &&
      sample.objectETag === etag;
    if (fresh || done) return undefined;
    const next: Upload = {
      ...sample,
      status: 'analyzing',
      error: null,
      objectETag: etag,
      updatedAt: now.toISOString(),
      version: sample.version + 1,
    };
    try {
      await uploads.save(next);
      return next;
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  async function finish(sample: Upload, change: Partial<Upload>): Promise<Upload> {
    const next = {
      ...sample,
      ...change,
      updatedAt: deps.clock().toISOString(),
      version: sample.version + 1,
    } as Upload;
    await uploads.save(next);
    return next;
  }

  /** Adds the masked texts of the largest duplicate clusters' examples (a second, early-stopping read). */
  async function withExamples(
    object: ObjectCreated,
    sample: Upload,
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
    const ids = parseUploadKey(object.key);
    if (object.bucket !== config.SAMPLES_BUCKET || !ids) return;
    const stored = await uploads.get(ids);
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
    try {
      const { bucket, key } = object;
      const stored = {
        size: head.size,
        open: () => blobs.stream(bucket, key),
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
      const status = error instanceof UnusableInputError ? 'unusable' : 'failed';
      const done = await finish(sample, { status, error: message });
      // An unusable sample is named in the report's headline, so the report is redone.
      if (status === 'unusable') await deps.onAnalyzed?.(done);
      return;
    }
    const analysis = await withExamples(object, sample, result.analysis);
    const keys = analysisKeys(sample);
    await blobs.put(config.SAMPLES_BUCKET, keys.partial, result.partial, {
      contentType: 'application/json',
    });
    await blobs.put(config.SAMPLES_BUCKET, keys.analysis, JSON.stringify(analysis), {
      contentType: 'application/json',
    });
    const a = analysis;
    const unusable = unusableReason(a);
    const done = await finish(sample, {
      status: unusable ? 'unusable' : 'analyzed',
      error: unusable ?? null,
      sha256: result.sha256,
      analysisKey: keys.analysis,
      partialKey: keys.partial,
      summary: {
        records: a.input.records,
        exactRate: a.duplicates.exactRate,
        nearRate: a.duplicates.nearRate,
        estimatedShare: a.synthetic.estimatedShare,
        fields: { ...a.input.fields },
        ...malformedSummary(a),
      },
    });
    await deps.onAnalyzed?.(done);
  }

  return async (objects: ObjectCreated[]): Promise<void> => {
    for (const object of objects) await analyzeOne(object);
  };
}

/** The malformed-row count and first rows, from the analysis's input and its finding. */
function malformedSummary(a: Analysis) {
  const finding = a.findings.find((f) => f.id === 'input.malformed');
  const first = Array.isArray(finding?.evidence.first) ? finding.evidence.first : [];
  const malformedLines = first
    .filter((m): m is { line: number; message: string } => typeof m?.line === 'number')
    .map((m) => ({ line: m.line, message: String(m.message) }));
  return { malformed: a.input.malformed, malformedLines };
}
