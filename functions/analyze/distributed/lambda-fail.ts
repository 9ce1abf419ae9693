import { observed } from '../../lib/lambda-observability';
import { failureLambdaDeps } from '../dead-letters/lambda-deps';
import { createFailHandler, type FailInput } from './fail';

const deps = failureLambdaDeps();
const fail = createFailHandler(deps);

/** Step Functions catch: marks the sample failed with a message and notifies vendor and procurement. */
export const handler = observed(deps, (event: FailInput) => fail(event));
