import { afterAnalysis } from '../../api/services/after-analysis';
import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { newId } from '../../lib/ids';
import { lambdaObservability, observed } from '../../lib/lambda-observability';
import { awsRescoreQueue } from '../../rescore/aws-queue';
import { createBlobStore } from '../../store/blob-store';
import { createWorkerRepositories } from '../../store/table-repositories';
import { createSampleAnalyzer } from '../engine';
import { createMergeHandler, type MergeInput, type MergeOutput } from './merge';

const config = loadConfig();
const clients = defaultAwsClients(config);
const observability = lambdaObservability(config);
const { logger, metrics } = observability;
const deps = {
  config,
  logger,
  clock: () => new Date(),
  newId,
  repos: createWorkerRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createBlobStore(clients.s3),
  analyzer: createSampleAnalyzer(),
  rescoreQueue: awsRescoreQueue(config),
};
const merge = createMergeHandler({
  ...deps,
  metrics,
  // The re-score worker scores (and counts ReportsScored); the merge only asks for it.
  onAnalyzed: async (upload) => {
    await afterAnalysis(deps, upload);
  },
});

/** Step Functions task: merges the ranges' partials, stores the analysis, asks for a re-score. */
export const handler = observed(
  observability,
  (event: MergeInput): Promise<MergeOutput> => merge(event),
);
