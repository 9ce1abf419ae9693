import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from './config';

/** The AWS clients the app and the analyzer share. */
export interface AwsClients {
  dynamo: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  s3: S3Client;
}

/** Timeouts in milliseconds; S3 gets its own so long sample streams are not cut. */
export interface ClientTimeouts {
  connectMs: number;
  requestMs: number;
  s3RequestMs: number;
  maxAttempts: number;
}

const defaults: ClientTimeouts = {
  connectMs: 2_000,
  requestMs: 5_000,
  s3RequestMs: 60_000,
  maxAttempts: 3,
};

/** Builds clients for `config`: local endpoints get static credentials and path-style S3. */
export function createAwsClients(
  config: Config,
  timeouts: Partial<ClientTimeouts> = {},
): AwsClients {
  const t = { ...defaults, ...timeouts };
  const local = config.DILIGENCE_MODE === 'local';
  // s3rver knows one built-in key pair; dynalite accepts any.
  const credentials = local ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } : undefined;
  const handler = (requestMs: number) => ({
    connectionTimeout: t.connectMs,
    requestTimeout: requestMs,
    throwOnRequestTimeout: true,
  });
  const dynamo = new DynamoDBClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    credentials,
    maxAttempts: t.maxAttempts,
    requestHandler: handler(t.requestMs),
  });
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const s3 = new S3Client({
    region: config.AWS_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: Boolean(config.S3_ENDPOINT),
    // Checksums only where S3 requires them: presigned upload URLs then carry no checksum of an
    // empty body (which browsers' PUTs would fail), and streamed bodies go as plain PUTs.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    credentials,
    maxAttempts: t.maxAttempts,
    requestHandler: handler(t.s3RequestMs),
  });
  return { dynamo, doc, s3 };
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
