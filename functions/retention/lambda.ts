import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { newId } from '../lib/ids';
import { lambdaObservability, observed } from '../lib/lambda-observability';
import { assessmentRepo } from '../store/assessments';
import { createObjectDeleter } from '../store/object-deleter';
import { sampleRepo } from '../store/samples';
import { spotCheckRepo } from '../store/spot-checks';
import { type PurgeResult, purgeDueSamples } from './purge';

const config = loadConfig();
const clients = defaultAwsClients(config);
const table = { doc: clients.doc, name: config.TABLE_NAME };
const observability = lambdaObservability(config);
const deps = {
  // Only the repositories and the delete it uses, so its role holds nothing more.
  repos: {
    assessments: assessmentRepo(table),
    samples: sampleRepo(table),
    spotChecks: spotCheckRepo(table),
  },
  blobs: createObjectDeleter(clients.s3),
  config,
  clock: () => new Date(),
  newId,
  logger: observability.logger,
};

/** Scheduled entry (EventBridge, daily): deletes sample data past its retention. */
export const handler = observed(observability, async (): Promise<PurgeResult> => {
  const result = await purgeDueSamples(deps);
  // A failed assessment is retried tomorrow; failing the invocation makes the errors alarm fire.
  if (result.failed > 0)
    throw new Error(`retention purge failed for ${result.failed} assessment(s)`);
  return result;
});
