import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { lambdaObservability, observed } from '../../lib/lambda-observability';
import { uploadReaders } from '../../store/upload-readers';
import { createPlanHandler } from './plan';
import type { PlanOutput, RunInput } from './types';
import { createWorkObjects } from './work-objects';

const config = loadConfig();
const clients = defaultAwsClients(config);
const observability = lambdaObservability(config);
const plan = createPlanHandler({
  config,
  logger: observability.logger,
  // The uploads' reads by key only (GetItem): the plan writes nothing to the table.
  repos: uploadReaders({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createWorkObjects(clients.s3),
});

/** Step Functions task: plans a distributed run (manifest of line-aligned byte ranges). */
export const handler = observed(
  observability,
  (event: RunInput): Promise<PlanOutput> => plan(event),
);
