import { lazyAnalyzer } from '../analyze/lazy-analyzer';
import { awsAnalysisRequests } from '../analyze/requests';
import type { AwsClients } from '../lib/aws-clients';
import type { Config } from '../lib/config';
import { awsRescoreQueue } from '../rescore/aws-queue';
import { createRepositories } from '../store/repositories';
import type { AppDeps, DataDeps } from './env';
import { buildS3Deps } from './s3-deps';
import { buildShellDeps, type DepsOptions } from './shell-deps';

/** Wires repositories, blob store and presigner over the given AWS clients. */
export function buildDeps(config: Config, clients: AwsClients, options: DepsOptions): AppDeps {
  return { ...buildShellDeps(config, options), ...buildDataDeps(config, clients, options) };
}

/** Repositories, blob store, presigners and the analyzer over the given AWS clients. */
export function buildDataDeps(
  config: Config,
  clients: AwsClients,
  options: Pick<
    DepsOptions,
    'rewriteUploadUrl' | 'multipart' | 'rescoreQueue' | 'analysisRequests'
  > = {},
): DataDeps {
  return {
    // The clients are read on each call, not here, so lazily built ones stay unbuilt until used.
    repos: createRepositories({
      get doc() {
        return clients.doc;
      },
      name: config.TABLE_NAME,
    }),
    ...buildS3Deps(() => clients.s3, options),
    analyzer: lazyAnalyzer(),
    rescoreQueue: options.rescoreQueue ?? awsRescoreQueue(config),
    analysisRequests: options.analysisRequests ?? awsAnalysisRequests(config),
  };
}
