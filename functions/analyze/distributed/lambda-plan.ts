import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { powertoolsLogger } from '../../lib/logger-powertools';
import { createBlobStore } from '../../store/blob-store';
import { createWorkerRepositories } from '../../store/table-repositories';
import { createPlanHandler } from './plan';
import type { PlanOutput, RunInput } from './types';

const config = loadConfig();
const clients = defaultAwsClients(config);
const plan = createPlanHandler({
  config,
  logger: powertoolsLogger(config.LOG_LEVEL),
  repos: createWorkerRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createBlobStore(clients.s3),
});

/** Step Functions task: plans a distributed run (manifest of line-aligned byte ranges). */
export async function handler(event: RunInput): Promise<PlanOutput> {
  return plan(event);
}
