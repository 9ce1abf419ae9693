import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClientTimeouts } from './client-options';
import type { Config } from './config';
import { createDynamoClients } from './dynamo-clients';
import { createS3Client } from './s3-client';

/** The AWS clients the app and the analyzer share. */
export interface AwsClients {
  dynamo: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  s3: S3Client;
}

/** Builds clients for `config`: local endpoints get static credentials and path-style S3. */
export function createAwsClients(
  config: Config,
  timeouts: Partial<ClientTimeouts> = {},
): AwsClients {
  return { ...createDynamoClients(config, timeouts), s3: createS3Client(config, timeouts) };
}

let cached: AwsClients | undefined;

/**
 * Clients built once per container (Lambda reuses them across invocations), each on first use:
 * a cold start that never reaches DynamoDB or S3 does not pay for building their clients.
 */
export function defaultAwsClients(config: Config): AwsClients {
  const built = () => {
    cached ??= createAwsClients(config);
    return cached;
  };
  return {
    get dynamo() {
      return built().dynamo;
    },
    get doc() {
      return built().doc;
    },
    get s3() {
      return built().s3;
    },
  };
}
