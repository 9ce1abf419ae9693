import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { lazyAnalyzer } from '../analyze/lazy-analyzer';
import type { Config } from '../lib/config';
import { createDynamoClients } from '../lib/dynamo-clients';
import { createRepositories } from '../store/repositories';
import { deferS3Deps } from './defer-s3-deps';
import type { DataDeps } from './env';

/**
 * The API Lambda's data side. `lambda.ts` imports this module dynamically, with the first request
 * that needs data; within it, the S3 side (blobs, presigners, multipart) loads with its first call
 * and the analysis engine with its own, so a DynamoDB-only request compiles neither.
 */
export function lambdaDataDeps(config: Config): DataDeps {
  let doc: DynamoDBDocumentClient | undefined;
  return {
    repos: createRepositories({
      get doc() {
        doc ??= createDynamoClients(config).doc;
        return doc;
      },
      name: config.TABLE_NAME,
    }),
    analyzer: lazyAnalyzer(),
    ...deferS3Deps(async () => (await import('./lambda-s3')).lambdaS3Deps(config)),
  };
}
