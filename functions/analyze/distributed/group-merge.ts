import { readPartial, serializePartial } from '../../core/analysis';
import type { BlobStore } from '../../store/blob-store';
import { BlockMerge } from './block-merge';
import { eachLimit, inOrder, PARALLEL_READS } from './bounded';
import { orderedOutputs, type ResultWriterDetails, readManifest, readMapResults } from './results';
import {
  type FoldOutput,
  type GroupOutput,
  type MergeGroup,
  type PlanOutput,
  runKeys,
  type StoredBlock,
} from './types';

/** What a group merge needs: only the object store (no table access). */
export interface GroupMergeDeps {
  blobs: Pick<BlobStore, 'getText' | 'stream' | 'put'>;
}

/** One item of the group Map: the run, its manifest, the fold Map's results and the group. */
export type GroupInput = Pick<PlanOutput, 'run' | 'manifest'> & {
  map?: { ResultWriterDetails?: ResultWriterDetails };
  results?: FoldOutput[];
  group: MergeGroup;
};

/** The fold outputs of every range, in index order (shuffled, duplicated results sorted out). */
export async function runOutputs(
  blobs: Pick<BlobStore, 'getText'>,
  input: Pick<GroupInput, 'manifest' | 'map' | 'results'>,
) {
  const items = await readManifest(blobs, input.manifest);
  const details = input.map?.ResultWriterDetails;
  const read = details ? await readMapResults(blobs, details) : { outputs: [], files: [] };
  return {
    items,
    outputs: orderedOutputs(items, input.results ?? read.outputs),
    files: read.files,
  };
}

/**
 * The group merge (the second Map's child): reads its ranges' partials in file order with
 * bounded parallelism, merges them as the flat merge would, and stores the counter's blocks (one
 * for a full group) for the final merge. A group holding a rejected range merges nothing.
 */
export function createGroupMergeHandler(deps: GroupMergeDeps) {
  const { blobs } = deps;
  return async (input: GroupInput): Promise<GroupOutput> => {
    const { run, group } = input;
    const { outputs } = await runOutputs(blobs, input);
    const mine = outputs.slice(group.first, group.end);
    if (mine.length === 0) throw new Error(`group ${group.index} has no ranges`);
    if (mine.some((o) => o.error)) return { index: group.index, blocks: [], rejected: true };
    const merged = new BlockMerge();
    const read = (o: FoldOutput) => blobs.stream(run.bucket, o.partialKey).then(readPartial);
    for await (const partial of inOrder(mine, PARALLEL_READS, read)) merged.push(partial);
    const keys = runKeys(run);
    const blocks: StoredBlock[] = merged
      .blocks()
      .map((b, i) => ({ key: keys.block(group.index, i), size: b.size }));
    await eachLimit(merged.blocks(), PARALLEL_READS, async (b, i) => {
      await blobs.put(run.bucket, (blocks[i] as StoredBlock).key, serializePartial(b.partial), {
        contentType: 'application/vnd.diligence.partial',
      });
    });
    return { index: group.index, blocks };
  };
}
