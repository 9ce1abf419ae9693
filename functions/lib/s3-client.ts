import { S3Client } from '@aws-sdk/client-s3';
import { type ClientTimeouts, clientOptions } from './client-options';
import type { Config } from './config';
import { s3Rules } from './s3-rules';

/** Whether the client enforces S3's rules the embedded engine lacks: S3_RULES, else only locally. */
export function s3RulesEnabled(config: Pick<Config, 'S3_RULES' | 'DILIGENCE_MODE'>): boolean {
  return config.S3_RULES ? config.S3_RULES === 'on' : config.DILIGENCE_MODE === 'local';
}

/** The S3 client for `config`: path-style for local endpoints, with S3's rules where enabled. */
export function createS3Client(config: Config, timeouts: Partial<ClientTimeouts> = {}) {
  const { timeouts: t, credentials, requestHandler } = clientOptions(config, timeouts);
  const client = new S3Client({
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
  if (s3RulesEnabled(config)) {
    client.middlewareStack.use(
      s3Rules({
        // The stack gives the reports bucket Object Lock with a default retention.
        objectLockBuckets: [config.REPORTS_BUCKET],
        // A custom endpoint is the embedded engine (s3rver), which keeps aws-chunked framing.
        storesChunkedFraming: Boolean(config.S3_ENDPOINT),
      }),
    );
  }
  return client;
}
