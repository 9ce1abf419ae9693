import { defaultAwsClients } from '../lib/aws-clients';
import type { Config } from '../lib/config';
import { buildDataDeps } from './build-deps';
import type { DataDeps } from './env';

/**
 * The API Lambda's data side over the container's AWS clients. `lambda.ts` imports this module
 * dynamically, so the SDK and the analysis engine load with the first request that needs them.
 */
export function lambdaDataDeps(config: Config): DataDeps {
  return buildDataDeps(config, defaultAwsClients(config));
}
