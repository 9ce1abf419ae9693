import type { FailInput } from './fail';
import type { RunInput } from './types';

/** The EventBridge "Step Functions Execution Status Change" event, as far as it is read. */
export interface ExecutionEndedEvent {
  'detail-type': 'Step Functions Execution Status Change';
  detail: { status: string; input?: string | null; executionArn?: string; name?: string };
}

/** Whether the fail function was invoked by the execution-ended rule rather than by a catch. */
export function isExecutionEnded(event: unknown): event is ExecutionEndedEvent {
  return (
    (event as Partial<ExecutionEndedEvent>)?.['detail-type'] ===
    'Step Functions Execution Status Change'
  );
}

/**
 * The catch's input from an execution that ended TIMED_OUT, ABORTED or FAILED: the run is the
 * execution's input (a JSON string in the event), the error names the status. Undefined when the
 * event carries no run (an input that is not this workflow's).
 */
export function failInputOf(event: ExecutionEndedEvent): FailInput | undefined {
  const { status, input } = event.detail;
  if (!input) return undefined;
  const run = JSON.parse(input) as Partial<RunInput>;
  if (!run.sampleId || !run.etag || !run.organizationId || !run.scope) return undefined;
  return {
    run: run as RunInput,
    error: { Error: `Execution${status}`, Cause: `The execution ended ${status}.` },
  };
}
