import type { DeadLetterDeps } from '../dead-letters/handler';
import { createFailHandler } from './fail';
import { createFoldHandler } from './fold';
import { createGroupMergeHandler } from './group-merge';
import { createMergeHandler, type MergeDeps, type MergeOutput } from './merge';
import { createPlanHandler } from './plan';
import { readManifest } from './results';
import type { WorkflowStarter } from './start';
import {
  type FoldOutput,
  type GroupOutput,
  type ManifestItem,
  type PlanOutput,
  type RunInput,
  runKeys,
} from './types';

/** How the local runner disturbs the Map, as Step Functions may: order, duplicates, a retry. */
export interface LocalRunOptions {
  /** Seed of the shuffle of manifest items (default: file order). */
  shuffleSeed?: number;
  /** Items run a second time (an at-least-once child). */
  duplicate?: number[];
  /** Items whose first attempt fails after writing its partial (the Map's retry runs it again). */
  retry?: number[];
}

/** One finished local execution. */
export interface LocalExecution {
  name: string;
  status: 'SUCCEEDED' | 'CAUGHT';
  output: MergeOutput | { marked: boolean };
  folds: number;
  /** Milliseconds spent in each step (folds and group merges summed). */
  timings: { plan: number; fold: number; group: number; merge: number };
}

type MergeInputMap = { ResultWriterDetails: { Bucket: string; Key: string } };

function shuffled<T>(items: readonly T[], seed: number | undefined): T[] {
  const out = [...items];
  if (seed === undefined) return out;
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Runs the distributed workflow in this process through the same plan, fold, merge and catch
 * handlers the state machine invokes: the Map's children run one after another in the given
 * disturbed order, their outputs are written in the ResultWriter's layout, and a failing step is
 * caught as the state machine's Catch does. `start` refuses a name it has seen (ExecutionAlreadyExists).
 */
export function createLocalWorkflow(
  deps: MergeDeps & DeadLetterDeps,
  options: LocalRunOptions = {},
) {
  const plan = createPlanHandler(deps);
  const fold = createFoldHandler(deps);
  const group = createGroupMergeHandler(deps);
  const merge = createMergeHandler(deps);
  const fail = createFailHandler(deps);
  const executions = new Map<string, LocalExecution>();

  async function foldAll(items: ManifestItem[]): Promise<FoldOutput[]> {
    const order = shuffled(items, options.shuffleSeed);
    for (const index of options.duplicate ?? []) {
      const item = items[index];
      if (item) order.push(item);
    }
    const retry = new Set(options.retry ?? []);
    const outputs: FoldOutput[] = [];
    for (const item of order) {
      if (retry.delete(item.index)) await fold(item); // its result is lost: the child is retried
      outputs.push(await fold(item));
    }
    return outputs;
  }

  async function writeResults(run: RunInput, name: string, outputs: FoldOutput[]) {
    const prefix = `${runKeys(run).results}/${name}`;
    const bucket = deps.config.SAMPLES_BUCKET;
    const results = outputs.map((o) => ({ Status: 'SUCCEEDED', Output: JSON.stringify(o) }));
    const json = { contentType: 'application/json' };
    await deps.blobs.put(bucket, `${prefix}/SUCCEEDED_0.json`, JSON.stringify(results), json);
    const manifest = {
      DestinationBucket: bucket,
      ResultFiles: { FAILED: [], PENDING: [], SUCCEEDED: [{ Key: `${prefix}/SUCCEEDED_0.json` }] },
    };
    await deps.blobs.put(bucket, `${prefix}/manifest.json`, JSON.stringify(manifest), json);
    return { Bucket: bucket, Key: `${prefix}/manifest.json` };
  }

  /** The group Map: every group merged (in the disturbed order), outputs as the Map returns them. */
  async function mergeGroups(planned: PlanOutput, map: MergeInputMap): Promise<GroupOutput[]> {
    const outputs: GroupOutput[] = [];
    for (const g of shuffled(planned.groups, options.shuffleSeed))
      outputs.push(await group({ run: planned.run, manifest: planned.manifest, map, group: g }));
    return outputs;
  }

  async function execute(name: string, run: RunInput): Promise<LocalExecution> {
    let folds = 0;
    const timings = { plan: 0, fold: 0, group: 0, merge: 0 };
    let at = performance.now();
    const lap = (step: keyof typeof timings) => {
      const t = performance.now();
      timings[step] += t - at;
      at = t;
    };
    try {
      const planned = await plan(run);
      lap('plan');
      const outputs = await foldAll(await readManifest(deps.blobs, planned.manifest));
      folds = outputs.length;
      lap('fold');
      const map = { ResultWriterDetails: await writeResults(run, name, outputs) };
      const merged = await mergeGroups(planned, map);
      lap('group');
      const output = await merge({ ...planned, map, merged });
      lap('merge');
      return { name, status: 'SUCCEEDED', output, folds, timings };
    } catch (error) {
      const e = error as Error;
      const cause = JSON.stringify({ errorType: e.name, errorMessage: e.message });
      const output = await fail({ run, error: { Error: e.name, Cause: cause } });
      return { name, status: 'CAUGHT', output, folds, timings };
    }
  }

  const starter: WorkflowStarter = {
    async start(name, input) {
      if (executions.has(name)) return 'exists';
      // the name is taken from the start, as Step Functions does, while the run is in flight
      const timings = { plan: 0, fold: 0, group: 0, merge: 0 };
      executions.set(name, {
        name,
        status: 'SUCCEEDED',
        output: { marked: false },
        folds: 0,
        timings,
      });
      executions.set(name, await execute(name, input));
      return 'started';
    },
  };
  return { starter, executions };
}
