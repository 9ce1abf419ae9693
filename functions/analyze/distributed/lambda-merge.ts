import { afterAnalysis } from '../../api/services/after-analysis';
import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { newId } from '../../lib/ids';
import { lambdaObservability, observed } from '../../lib/lambda-observability';
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
};
const merge = createMergeHandler({
  ...deps,
  metrics,
  onAnalyzed: async (upload) => {
    const scored = await afterAnalysis(deps, upload);
    for (let i = 0; i < scored; i++) metrics.reportScored();
  },
});

/** Step Functions task: merges the ranges' partials, stores the analysis, re-scores the report. */
export const handler = observed(
  observability,
  (event: MergeInput): Promise<MergeOutput> => merge(event),
);
