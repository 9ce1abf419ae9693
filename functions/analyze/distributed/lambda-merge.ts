import { afterAnalysis } from '../../api/services/after-analysis';
import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { newId } from '../../lib/ids';
import { powertoolsLogger } from '../../lib/logger-powertools';
import { createProductMetrics } from '../../lib/metrics';
import { awsRescoreQueue } from '../../rescore/aws-queue';
import { createBlobStore } from '../../store/blob-store';
import { createRepositories } from '../../store/repositories';
import { createSampleAnalyzer } from '../engine';
import { createMergeHandler, type MergeInput, type MergeOutput } from './merge';

const config = loadConfig();
const clients = defaultAwsClients(config);
const metrics = createProductMetrics();
const deps = {
  config,
  logger: powertoolsLogger(config.LOG_LEVEL),
  clock: () => new Date(),
  newId,
  repos: createRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createBlobStore(clients.s3),
  analyzer: createSampleAnalyzer(),
  rescoreQueue: awsRescoreQueue(config, () => clients.dynamo),
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
export async function handler(event: MergeInput): Promise<MergeOutput> {
  try {
    return await merge(event);
  } finally {
    metrics.flush();
  }
}
