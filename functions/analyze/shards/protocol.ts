import type { AnalysisPartial, FieldMapping, InputLimits } from '../../core/analysis';

/** How every shard reads its lines, fixed once from the start of the whole file. */
export interface ShardSettings {
  fileName?: string;
  format: 'jsonl' | 'text';
  /** The whole file's mapping with every field set ('' = none), so no shard detects its own. */
  fields: Partial<FieldMapping>;
  /** True for shards after the first: their text continues the file mid-stream. */
  continues: boolean;
  /** The input limits of the whole analysis, and when its time limit ends (epoch ms). */
  input?: Partial<InputLimits>;
  deadline?: number;
  /** The sample's secret key for the spot-check pool (absent: no pool is kept). */
  spotCheck?: { key: string };
  /** The style sampling rate every shard scores records at (`styleRate` of the whole object). */
  styleRate?: number;
}

/** Messages to a shard worker: a task, then the task's bytes on request. */
export type ToWorker =
  | { type: 'task'; id: number; settings: ShardSettings }
  | { type: 'chunk'; id: number; bytes: Uint8Array }
  | { type: 'end'; id: number };

/**
 * Messages from a shard worker: requests for bytes, then the partial or a failure. The partial
 * travels by structured clone with its index buffers transferred: no JSON/base64 round trip.
 */
export type FromWorker =
  | { type: 'pull'; id: number }
  | { type: 'done'; id: number; partial: AnalysisPartial | null }
  | { type: 'failed'; id: number; input: boolean; message: string };
