import type { Analysis } from '../core/analysis/types';
import { unusableReason } from '../core/analysis/usability';
import { imageFacts } from '../core/report/image-words';
import { ConflictError } from '../lib/errors';
import type { AnalyzeDeps } from './handler';
import { checkSameFile } from './same-file';
import { type Upload, uploadRepo } from './uploads';

/** What storing a finished analysis needs. */
export type StoreDeps = Pick<
  AnalyzeDeps,
  'config' | 'logger' | 'clock' | 'repos' | 'blobs' | 'onAnalyzed'
>;

/** Keys of the stored analysis and mergeable partial of a sample. */
export function analysisKeys(s: Pick<Upload, 'organizationId' | 'assessmentId' | 'sampleId'>) {
  const base = `${s.organizationId}/${s.assessmentId}/${s.sampleId}`;
  return { analysis: `analyses/${base}.json`, partial: `partials/${base}.bin` };
}

/** Saves `change` on `sample` with a compare-and-set on its version; the saved sample. */
export async function finish(deps: StoreDeps, sample: Upload, change: Partial<Upload>) {
  const next = {
    ...sample,
    progress: null,
    ...change,
    updatedAt: deps.clock().toISOString(),
    version: sample.version + 1,
  } as Upload;
  await uploadRepo(deps.repos).save(next);
  return next;
}

/** `finish`, or undefined when the sample record no longer exists. */
export async function finishUnlessDeleted(
  deps: StoreDeps,
  sample: Upload,
  change: Partial<Upload>,
) {
  try {
    return await finish(deps, sample, change);
  } catch (error) {
    const { organizationId, assessmentId: scope, sampleId } = sample;
    const gone =
      error instanceof ConflictError &&
      !(await uploadRepo(deps.repos).get({ organizationId, scope, sampleId }));
    if (gone) return undefined;
    throw error;
  }
}

/** A finished analysis: the analysis, its serialized partial, and the hash of the file. */
export interface AnalysisResult {
  analysis: Analysis;
  partial: readonly Uint8Array[];
  sha256: string;
  /** How `sha256` was computed when it is not the plain SHA-256 of the file (the tree hash). */
  hashMethod?: string;
}

/**
 * Stores the analysis and partial beside the sample, compare-and-sets the sample to `analyzed`
 * (or `unusable`) with its summary, and re-scores through `onAnalyzed`. When the sample was deleted
 * meanwhile, drops what was written and returns undefined.
 */
export async function storeResult(
  deps: StoreDeps,
  sample: Upload,
  result: AnalysisResult,
): Promise<Upload | undefined> {
  const { blobs, config } = deps;
  const mismatch = await checkSameFile(deps, sample, result);
  if (mismatch) {
    // refused: no analysis stored, the replaced sample keeps counting, the report is unchanged
    return finishUnlessDeleted(deps, sample, {
      status: 'failed',
      error: mismatch,
      sha256: result.sha256,
    });
  }
  const keys = analysisKeys(sample);
  await blobs.put(config.SAMPLES_BUCKET, keys.partial, result.partial, {
    contentType: 'application/vnd.diligence.partial',
  });
  await blobs.put(config.SAMPLES_BUCKET, keys.analysis, JSON.stringify(result.analysis), {
    contentType: 'application/json',
  });
  const a = result.analysis;
  const unusable = unusableReason(a);
  const done = await finishUnlessDeleted(deps, sample, {
    status: unusable ? 'unusable' : 'analyzed',
    error: unusable ?? null,
    sha256: result.sha256,
    ...(result.hashMethod ? { hashMethod: result.hashMethod } : {}),
    analysisKey: keys.analysis,
    partialKey: keys.partial,
    summary: {
      records: a.input.records,
      exactRate: a.duplicates.exactRate,
      nearRate: a.duplicates.nearRate,
      estimatedShare: a.synthetic.estimatedShare,
      fields: { ...a.input.fields },
      ...malformedSummary(a),
      ...(a.images ? { images: imageFacts(a.images) } : {}),
    },
  });
  if (!done) {
    // The vendor deleted or replaced the sample meanwhile: drop what this run wrote.
    for (const k of [keys.analysis, keys.partial]) await blobs.delete(config.SAMPLES_BUCKET, k);
    deps.logger.info('sample deleted during analysis', { key: sample.key });
    return undefined;
  }
  await deps.onAnalyzed?.(done);
  return done;
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
