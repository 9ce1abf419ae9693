import { lazyAnalyzer } from '../analyze/lazy-analyzer';
import { awsAnalysisRequests } from '../analyze/requests';
import type { Config } from '../lib/config';
import { createDynamoClients } from '../lib/dynamo-clients';
import { awsRescoreQueue } from '../rescore/aws-queue';
import { createRepositories } from '../store/repositories';
import { deferS3Deps } from './defer-s3-deps';
import type { DataDeps } from './env';

/**
 * The API Lambda's data side. `lambda.ts` imports this module dynamically, with the first request
 * that needs data; within it, the S3 side (blobs, presigners, multipart) loads with its first call
 * and the analysis engine with its own, so a DynamoDB-only request compiles neither.
 */
export function lambdaDataDeps(config: Config): DataDeps {
  let dynamo: ReturnType<typeof createDynamoClients> | undefined;
  const clients = () => {
    dynamo ??= createDynamoClients(config);
    return dynamo;
  };
  return {
    repos: createRepositories({
      get doc() {
        return clients().doc;
      },
      name: config.TABLE_NAME,
    }),
    analyzer: lazyAnalyzer(),
    rescoreQueue: awsRescoreQueue(config),
    analysisRequests: awsAnalysisRequests(config),
    ...deferS3Deps(async () => (await import('./lambda-s3')).lambdaS3Deps(config)),
  };
}
