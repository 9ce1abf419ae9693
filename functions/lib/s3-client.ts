import { S3Client } from '@aws-sdk/client-s3';
import { type ClientTimeouts, clientOptions } from './client-options';
import type { Config } from './config';

/** The S3 client for `config`: path-style for local endpoints. */
export function createS3Client(config: Config, timeouts: Partial<ClientTimeouts> = {}) {
  const { timeouts: t, credentials, requestHandler } = clientOptions(config, timeouts);
  return new S3Client({
    region: config.AWS_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: Boolean(config.S3_ENDPOINT),
    // Checksums only where S3 requires them: presigned upload URLs then carry no checksum of an
    // empty body (which browsers' PUTs would fail), and streamed bodies go as plain PUTs.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    credentials,
    maxAttempts: t.maxAttempts,
    requestHandler: requestHandler(t.s3RequestMs),
  });
}
