import { failureLambdaDeps } from '../dead-letters/lambda-deps';
import { createFailHandler, type FailInput } from './fail';

const deps = failureLambdaDeps();
const { metrics } = deps;
const fail = createFailHandler(deps);

/** Step Functions catch: marks the sample failed with a message and notifies vendor and procurement. */
export async function handler(event: FailInput): Promise<{ marked: boolean }> {
  try {
    return await fail(event);
  } finally {
    metrics.flush();
  }
}
