import { REFERENCE_SCOPE } from '../../store/reference-keys';
import { failAndNotify } from '../dead-letters/fail-sample';
import { type DeadLetterDeps, deadLetterMessage } from '../dead-letters/handler';
import { failedUpload, uploadRepo } from '../uploads';
import type { RunInput } from './types';

/** What the workflow's catch passes: the run, and Step Functions' error name and cause. */
export interface FailInput {
  run: RunInput;
  error?: { Error?: string; Cause?: string };
}

/** What the vendor reads when the whole execution timed out or was stopped (no catch ran). */
export function stoppedMessage(fileName: string, status: 'TIMED_OUT' | 'ABORTED'): string {
  const what = status === 'TIMED_OUT' ? 'ran out of time' : 'was stopped';
  return `The analysis of "${fileName}" ${what} before it finished. Upload the file again (register it as a new sample); if it happens again, upload a smaller part of it. Our operators have been alerted.`;
}

/**
 * The vendor's message: a refusal's own words (DistributedInputError), a stopped execution's
 * message (the execution-ended rule), else the dead-letter message.
 */
export function failureMessage(fileName: string, error: FailInput['error']): string {
  if (error?.Error === 'ExecutionTIMED_OUT') return stoppedMessage(fileName, 'TIMED_OUT');
  if (error?.Error === 'ExecutionABORTED') return stoppedMessage(fileName, 'ABORTED');
  if (error?.Error === 'DistributedInputError' && error.Cause) {
    try {
      const cause = JSON.parse(error.Cause) as { errorMessage?: unknown };
      if (typeof cause.errorMessage === 'string') return cause.errorMessage;
    } catch {
      // a cause that is not Lambda's JSON: fall back to the generic message
    }
  }
  return deadLetterMessage(fileName);
}

/**
 * The workflow's catch: marks a sample still `analyzing` this upload failed with a message the
 * vendor can act on, and tells vendor and procurement (the dead-letter marking). A sample that was
 * replaced, deleted or finished meanwhile is left alone, so a repeated catch is harmless.
 */
export function createFailHandler(deps: DeadLetterDeps) {
  return async (input: FailInput): Promise<{ marked: boolean }> => {
    const { organizationId, scope, sampleId, etag } = input.run;
    const sample = await uploadRepo(deps.repos).get({ organizationId, scope, sampleId });
    if (sample?.status !== 'analyzing' || sample.objectETag !== etag) return { marked: false };
    const message = failureMessage(sample.fileName, input.error);
    if (sample.role === 'reference' || scope === REFERENCE_SCOPE) {
      await uploadRepo(deps.repos).save(failedUpload(sample, message, deps.clock()));
    } else await failAndNotify(deps, sample, message, 'workflow');
    deps.logger.warn('distributed analysis failed', {
      key: input.run.key,
      error: input.error?.Error,
    });
    return { marked: true };
  };
}
