import {
  AnalysisInputError,
  analyzeSource,
  deserializePartial,
  finalize,
  serializePartial,
} from '../core/analysis';
import type { Analysis } from '../core/analysis/types';

/** Options for analyzing one sample file. */
export interface AnalyzeOptions {
  fileName: string;
  fields: Record<string, string>;
  now: Date;
}

/** The analysis engine as the handler uses it: a stream in, the analysis and its serialized partial out. */
export interface SampleAnalyzer {
  analyze(
    source: AsyncIterable<Uint8Array>,
    options: AnalyzeOptions,
  ): Promise<{ analysis: Analysis; partial: string }>;
  /** The training analysis with contamination measured against a holdout (both as stored partials). */
  withHoldout(trainingPartial: string, holdoutPartial: string, now: Date): Analysis;
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
    withHoldout(trainingPartial, holdoutPartial, now) {
      return finalize(deserializePartial(trainingPartial), {
        now,
        holdout: deserializePartial(holdoutPartial),
      });
    },
  };
}
