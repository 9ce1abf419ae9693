import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ClientTimeouts, clientOptions } from './client-options';
import type { Config } from './config';

/** The DynamoDB client and the document client over it (no S3: see `s3-client.ts`). */
export function createDynamoClients(config: Config, timeouts: Partial<ClientTimeouts> = {}) {
  const { timeouts: t, credentials, requestHandler } = clientOptions(config, timeouts);
  const dynamo = new DynamoDBClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    credentials,
    maxAttempts: t.maxAttempts,
    requestHandler: requestHandler(t.requestMs),
  });
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { dynamo, doc };
}
