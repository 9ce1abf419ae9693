import { observed } from '../../lib/lambda-observability';
import { failureLambdaDeps } from '../dead-letters/lambda-deps';
import { type ExecutionEndedEvent, failInputOf, isExecutionEnded } from './execution-ended';
import { createFailHandler, type FailInput } from './fail';

const deps = failureLambdaDeps();
const fail = createFailHandler(deps);

/**
 * Step Functions catch, or the execution-ended rule (a timed-out, stopped or failed execution):
 * marks a sample still analyzing failed with a message and notifies vendor and procurement.
 */
export const handler = observed(
  deps,
  async (event: FailInput | ExecutionEndedEvent): Promise<{ marked: boolean }> => {
    const input = isExecutionEnded(event) ? failInputOf(event) : event;
    if (!input) return { marked: false };
    return fail(input);
  },
);
