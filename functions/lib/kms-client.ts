import type { KMSClient } from '@aws-sdk/client-kms';
import { clientOptions } from './client-options';
import type { Config } from './config';
import { loadOnce } from './load-once';

/**
 * A KMS client for `config`, built on first use: the SDK module loads only when a KMS call is made
 * (report signing, webhook secrets), with the project's timeouts and retries.
 */
export function kmsClientFor(config: Config): () => Promise<KMSClient> {
  return loadOnce(async () => {
    const { KMSClient } = await import('@aws-sdk/client-kms');
    const { timeouts, requestHandler } = clientOptions(config);
    return new KMSClient({
      region: config.AWS_REGION,
      maxAttempts: timeouts.maxAttempts,
      requestHandler: requestHandler(timeouts.requestMs),
    });
  });
}
