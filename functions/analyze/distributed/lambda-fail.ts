import { failureLambdaDeps } from '../dead-letters/lambda-deps';
import { type ExecutionEndedEvent, failInputOf, isExecutionEnded } from './execution-ended';
import { createFailHandler, type FailInput } from './fail';

const deps = failureLambdaDeps();
const { metrics } = deps;
const fail = createFailHandler(deps);

/**
 * Step Functions catch, or the execution-ended rule (a timed-out, stopped or failed execution):
 * marks a sample still analyzing failed with a message and notifies vendor and procurement.
 */
export async function handler(
  event: FailInput | ExecutionEndedEvent,
): Promise<{ marked: boolean }> {
  try {
    const input = isExecutionEnded(event) ? failInputOf(event) : event;
    if (!input) return { marked: false };
    return await fail(input);
  } finally {
    metrics.flush();
  }
}
