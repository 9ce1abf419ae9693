import { type AnalysisPartial, finalize, readPartial, serializePartial } from '../../core/analysis';
import { treeHash, treeHashMethod } from '../../core/tree-hash';
import type { AnalyzeDeps } from '../handler';
import { tooMalformed } from '../shards/fan-out';
import { finishUnlessDeleted, storeResult } from '../store-result';
import { type Upload, uploadRepo } from '../uploads';
import { BlockMerge } from './block-merge';
import { eachLimit, inOrder, PARALLEL_READS } from './bounded';
import { withRangeExamples } from './examples';
import { runOutputs } from './group-merge';
import type { ResultWriterDetails } from './results';
import type { FoldOutput, GroupOutput, PlanOutput, StoredBlock } from './types';

/**
 * The merge step's input: the plan's output, the fold Map's ResultWriter details (or the outputs)
 * and the group Map's outputs (`merged`; without them every range is its own block).
 */
export type MergeInput = PlanOutput & {
  map?: { ResultWriterDetails?: ResultWriterDetails };
  results?: FoldOutput[];
  merged?: GroupOutput[];
};

/** The group merges' blocks in file order; every planned group must have answered exactly once. */
function groupBlocks(input: MergeInput): StoredBlock[] {
  const byIndex = new Map((input.merged ?? []).map((g) => [g.index, g]));
  return input.groups.flatMap((g) => {
    const out = byIndex.get(g.index);
    if (!out || out.rejected) throw new Error(`no merged blocks for group ${g.index}`);
    return out.blocks;
  });
}

/** What the merge step reports to the workflow. */
export interface MergeOutput {
  status: 'analyzed' | 'unusable' | 'failed' | 'superseded';
  sha256?: string;
}

/** What the merge step needs: the analyzer's dependencies (table, buckets, re-scoring). */
export type MergeDeps = Omit<AnalyzeDeps, 'analyzer' | 'workflow'>;

/**
 * The final merge: reads the fold outputs (shuffled, duplicated: ordered by index, deduplicated),
 * merges the group merges' blocks in file order (S3 reads in parallel, bounded), finalizes, adds
 * cluster examples from the ranges holding them, stores the analysis and compare-and-sets the
 * sample to `analyzed` with the file's tree hash, then re-scores. A superseded run changes nothing.
 */
export function createMergeHandler(deps: MergeDeps) {
  const { blobs, logger } = deps;
  return async (input: MergeInput): Promise<MergeOutput> => {
    const { run } = input;
    const { organizationId, scope, sampleId } = run;
    const sample = await uploadRepo(deps.repos).get({ organizationId, scope, sampleId });
    if (sample?.status !== 'analyzing' || sample.objectETag !== run.etag) {
      logger.info('distributed run superseded', { key: run.key, status: sample?.status });
      return { status: 'superseded' };
    }
    const { items, outputs, files } = await runOutputs(blobs, input);
    const rejected = outputs.find((o) => o.error);
    if (rejected?.error) return fail(sample, rejected.error, 'failed');

    const blocks = input.merged
      ? groupBlocks(input)
      : outputs.map((o) => ({ key: o.partialKey, size: 1 }));
    const merged = new BlockMerge();
    const read = (b: StoredBlock) => blobs.stream(run.bucket, b.key).then(readPartial);
    let i = 0;
    for await (const p of inOrder(blocks, PARALLEL_READS, read))
      merged.push(p, (blocks[i++] as StoredBlock).size);
    const partial = merged.result();
    if (!partial) throw new Error('the manifest has no ranges');
    // undecodable images are counted, never a reason to refuse (as in the one pass)
    if (!partial.images && tooMalformed(partial))
      return fail(sample, malformedMessage(partial), 'unusable');
    const analysis = await withRangeExamples(
      blobs,
      items,
      outputs,
      finalize(partial, { now: deps.clock() }),
    );
    const sha256 = treeHash(outputs.map((o) => o.sha256));
    const done = await storeResult(deps, sample, {
      analysis,
      partial: serializePartial(partial),
      sha256,
      hashMethod: treeHashMethod(input.rangeBytes),
    });
    logger.info('distributed analysis merged', { key: run.key, ranges: items.length });
    // the working objects served their purpose: partials, blocks, manifest, the Map's result files
    const working = [
      ...outputs.map((o) => o.partialKey),
      ...(input.merged ? blocks.map((b) => b.key) : []),
      input.manifest.key,
      ...files,
    ];
    await eachLimit(working, PARALLEL_READS, (key) => blobs.delete(input.manifest.bucket, key));
    return done
      ? { status: done.status as MergeOutput['status'], sha256 }
      : { status: 'superseded' };
  };

  async function fail(sample: Upload, message: string, status: 'failed' | 'unusable') {
    deps.metrics?.analysisFailed('input');
    const done = await finishUnlessDeleted(deps, sample, { status, error: message });
    // An unusable sample is named in the report's headline, so the report is redone; a failed
    // one is only announced (sample.failed), see afterAnalysis.
    if (done) await deps.onAnalyzed?.(done);
    return { status } as MergeOutput;
  }
}

/** The one pass's message for a file with too many unreadable rows (same numbers, same words). */
function malformedMessage(p: AnalysisPartial): string {
  const total = p.malformed + p.records;
  const first = p.malformedExamples[0];
  const where = first ? `line ${first.line}: ${first.message}` : 'rows could not be read';
  return `${where} (${p.malformed} of ${total} rows could not be read; the limit is ${p.limits.malformedShare * 100}%). Fix or remove the malformed rows and upload the file again`;
}
