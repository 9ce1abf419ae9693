import {
  AnalysisInputError,
  analyzeSource,
  deserializePartial,
  finalize,
  type InputLimits,
  serializePartial,
} from '../core/analysis';
import type { Analysis } from '../core/analysis/types';
import type { Config } from '../lib/config';
import { foldObject, type StoredObject } from './shards/fold-object';

export type { StoredObject } from './shards/fold-object';

/** Options for analyzing one sample file. */
export interface AnalyzeOptions {
  fileName: string;
  fields: Record<string, string>;
  now: Date;
}

/** Fan-out settings for `analyzeObject` (from ANALYSIS_WORKERS and ANALYSIS_SHARD_BYTES). */
export interface ObjectOptions extends AnalyzeOptions {
  /** Worker threads for big JSON Lines and text samples (default 1: one sequential pass). */
  workers?: number;
  /** Largest shard in bytes (default 64 MiB); smaller objects are read in one pass. */
  shardBytes?: number;
  /** Input limits of this analysis (see `inputLimitsOf`); defaults apply to the rest. */
  input?: Partial<InputLimits>;
  /** The sample's secret key for the spot-check pool (absent: no pool is kept). */
  spotCheck?: { key: string };
}

/** The input limits a configuration sets (the local runtime and the AWS analyzer both use it). */
export function inputLimitsOf(config: Config): InputLimits {
  return {
    maxDecompressedBytes: config.ANALYSIS_MAX_DECOMPRESSED_BYTES,
    maxLineBytes: config.ANALYSIS_MAX_LINE_BYTES,
    maxColumns: config.ANALYSIS_MAX_COLUMNS,
    maxDepth: config.ANALYSIS_MAX_DEPTH,
    maxRecords: config.ANALYSIS_MAX_RECORDS,
    timeBudgetMs: config.ANALYSIS_TIME_BUDGET_SECONDS * 1000,
  };
}

/** The analysis engine as the handler uses it: a stream in, the analysis and its serialized partial out. */
export interface SampleAnalyzer {
  analyze(
    source: AsyncIterable<Uint8Array>,
    options: AnalyzeOptions,
  ): Promise<{ analysis: Analysis; partial: Uint8Array[] }>;
  /**
   * Analyzes a stored object and computes its SHA-256; big JSON Lines and text samples fan out
   * over byte-range shards on worker threads (`shards` > 1) with exactly the one-pass result.
   */
  analyzeObject(
    object: StoredObject,
    options: ObjectOptions,
  ): Promise<{ analysis: Analysis; partial: Uint8Array[]; sha256: string; shards: number }>;
  /** The training analysis with contamination measured against a holdout (both as stored partials' chunks). */
  withHoldout(
    trainingPartial: Uint8Array[],
    holdoutPartial: Uint8Array[],
    now: Date,
  ): Promise<Analysis>;
}

/** A message a vendor can act on for input errors; undefined for failures worth retrying. */
export function describeFailure(error: unknown): string | undefined {
  if (error instanceof AnalysisInputError) return error.message;
  return undefined;
}

/** The production analyzer over the pure engine in core/analysis. */
export function createSampleAnalyzer(): SampleAnalyzer {
  return {
    async analyze(source, options) {
      const { analysis, partial } = await analyzeSource(source, {
        fileName: options.fileName,
        fields: options.fields,
        now: options.now,
      });
      return { analysis, partial: serializePartial(partial) };
    },
    async analyzeObject(object, options) {
      const { partial, sha256, shards } = await foldObject(object, options);
      const analysis = finalize(partial, { now: options.now });
      return { analysis, partial: serializePartial(partial), sha256, shards };
    },
    async withHoldout(trainingPartial, holdoutPartial, now) {
      return finalize(deserializePartial(trainingPartial), {
        now,
        holdout: deserializePartial(holdoutPartial),
      });
    },
  };
}
