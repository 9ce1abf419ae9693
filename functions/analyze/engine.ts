import type { Analysis } from '../core/analysis/types';

/** Options for analyzing one sample file. */
export interface AnalyzeOptions {
  fileName: string;
  fields: Record<string, string>;
  now: Date;
}

/** The analysis engine as the handler uses it: a stream in, the analysis and its serialized partial out. */
export interface SampleAnalyzer {
  analyze(source: AsyncIterable<Uint8Array>, options: AnalyzeOptions): Promise<{ analysis: Analysis; partial: string }>;
  /** The training analysis with contamination measured against a holdout (both as stored partials). */
  withHoldout(trainingPartial: string, holdoutPartial: string, now: Date): Analysis;
}

/** A message a vendor can act on for input errors; undefined for failures worth retrying. */
export function describeFailure(error: unknown): string | undefined {
  if (error instanceof Error && error.name === 'AnalysisInputError') return error.message;
  return undefined;
}
