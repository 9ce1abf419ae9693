import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { powertoolsLogger } from '../../lib/logger-powertools';
import { createRepositories } from '../../store/repositories';
import { createPlanHandler } from './plan';
import type { PlanOutput, RunInput } from './types';
import { createWorkObjects } from './work-objects';

const config = loadConfig();
const clients = defaultAwsClients(config);
const plan = createPlanHandler({
  config,
  logger: powertoolsLogger(config.LOG_LEVEL),
  repos: createRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createWorkObjects(clients.s3),
});

/** Step Functions task: plans a distributed run (manifest of line-aligned byte ranges). */
export async function handler(event: RunInput): Promise<PlanOutput> {
  return plan(event);
}
