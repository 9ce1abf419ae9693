import type { Worker } from 'node:worker_threads';
import {
  type AnalysisPartial,
  type FieldMapping,
  type InputLimits,
  mergePartials,
} from '../../core/analysis';
import { type ByteRange, planRanges } from './plan';
import { runShard, ShardInputError, startShardWorker } from './pool';
import { probeSample } from './probe';
import { alignedRange, type OpenRange } from './range-reader';

/** A stored sample as the fan-out reads it: its size and byte ranges. */
export interface RangeSource {
  size: number;
  openRange: OpenRange;
}

/** Options of `fanOut`. */
export interface FanOutOptions {
  fileName?: string;
  fields?: Partial<FieldMapping>;
  /** Worker threads to run (at most one per shard). */
  workers: number;
  /** Shards to split the object into (see `shardCount`). */
  shards: number;
  input?: Partial<InputLimits>;
  deadline?: number;
  /** The sample's secret key for the spot-check pool (absent: no pool is kept). */
  spotCheck?: { key: string };
  /** The style sampling rate every shard scores records at (`styleRate` of the whole object). */
  styleRate?: number;
}

/**
 * Merges partials pushed in file order as a binary counter: equal-sized neighbours merge first, so
 * n shards copy O(n log n) index bytes instead of O(n^2) and at most log2(n) partials are held.
 */
export class InOrderMerge {
  private readonly stack: { size: number; partial: AnalysisPartial }[] = [];

  push(partial: AnalysisPartial): void {
    let top = { size: 1, partial };
    for (let left = this.stack.at(-1); left && left.size === top.size; left = this.stack.at(-1)) {
      this.stack.pop();
      top = { size: left.size * 2, partial: mergePartials(left.partial, top.partial) };
    }
    this.stack.push(top);
  }

  result(): AnalysisPartial | undefined {
    let out: AnalysisPartial | undefined;
    for (const { partial } of this.stack) out = out ? mergePartials(out, partial) : partial;
    return out;
  }
}

/** Whether the whole-file fold would reject this share of malformed rows (its final check). */
export function tooMalformed(p: AnalysisPartial): boolean {
  const { malformed, records, limits } = p;
  if (malformed <= limits.malformedMin) return false;
  return records === 0 || malformed / (malformed + records) > limits.malformedShare;
}

/**
 * Folds a JSON Lines or text sample as line-aligned byte-range shards on worker threads and merges
 * the partials in shard order: the result equals `foldSource` over the whole object. Undefined
 * when the sample cannot be sharded or a shard's input is rejected (gzip, JSON arrays, CSV, bad
 * rows): the caller then folds the whole file in one pass, which reports the exact first bad line.
 */
export async function fanOut(
  object: RangeSource,
  options: FanOutOptions,
): Promise<AnalysisPartial | undefined> {
  const { size, openRange } = object;
  const ranges = planRanges(size, options.shards);
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < Math.min(options.workers, ranges.length); i++)
      workers.push(startShardWorker());
    const setup = await probeSample(await openRange(0, size - 1), options);
    if (!setup) return undefined;
    const done = new Map<number, AnalysisPartial | null>();
    const merged = new InOrderMerge();
    let mergedUpTo = 0;
    const mergeReady = () => {
      for (; done.has(mergedUpTo); mergedUpTo++) {
        const p = done.get(mergedUpTo);
        done.delete(mergedUpTo);
        if (p) merged.push(p);
      }
    };
    let next = 0;
    const lane = async (worker: Worker) => {
      for (let i = next++; i < ranges.length; i = next++) {
        const range = ranges[i] as ByteRange;
        const settings = {
          ...setup,
          continues: range.start > 0,
          input: options.input,
          deadline: options.deadline,
          ...(options.spotCheck ? { spotCheck: options.spotCheck } : {}),
          ...(options.styleRate !== undefined ? { styleRate: options.styleRate } : {}),
        };
        done.set(i, await runShard(worker, i, settings, alignedRange(openRange, range, size)));
        mergeReady();
      }
    };
    await Promise.all(workers.map(lane));
    const partial = merged.result();
    return partial && !tooMalformed(partial) ? partial : undefined;
  } catch (error) {
    if (error instanceof ShardInputError) return undefined;
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
