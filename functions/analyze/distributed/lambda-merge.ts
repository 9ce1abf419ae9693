import { afterAnalysis } from '../../api/services/after-analysis';
import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { newId } from '../../lib/ids';
import { powertoolsLogger } from '../../lib/logger-powertools';
import { createProductMetrics } from '../../lib/metrics';
import { createBlobStore } from '../../store/blob-store';
import { createWorkerRepositories } from '../../store/table-repositories';
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
export async function handler(event: MergeInput): Promise<MergeOutput> {
  try {
    return await merge(event);
  } finally {
    metrics.flush();
  }
}
