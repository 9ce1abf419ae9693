/** Sample statuses and key builders, apart from the repository so readers bundle no writes. */

/**
 * Upload and analysis state of one sample file. `unusable`: read, but not evidence (most records
 * without text, too many malformed rows); `error` says what to fix, and it is never scored.
 */
export type SampleStatus = 'awaiting_upload' | 'analyzing' | 'analyzed' | 'failed' | 'unusable';

/** Statuses that no longer change until a new upload. */
export const finalSampleStatuses: readonly SampleStatus[] = ['analyzed', 'failed', 'unusable'];

/** Key builders for samples. */
export const sampleKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, sampleId: string) => `SAMPLE#${assessmentId}#${sampleId}`,
  prefix: (assessmentId: string) => `SAMPLE#${assessmentId}#`,
  /** The per-assessment counter of registered samples (outside the `SAMPLE#` prefix). */
  counter: (assessmentId: string) => `COUNT#SAMPLES#${assessmentId}`,
};
