import type { KMSClient } from '@aws-sdk/client-kms';
import { clientOptions } from '../lib/client-options';
import type { Config } from '../lib/config';
import { loadOnce } from '../lib/load-once';

/** The KMS calls the sealers make (`KMSClient` satisfies it). */
export type KmsCall = Pick<KMSClient, 'send'>;

/** Sealed values in AWS: `kms:1:<base64 of the KMS ciphertext blob>`. */
export const kmsPrefix = 'kms:1:';

/** A KMS client for `config`, built on first use (the module loads with it). */
export function kmsClientFor(config: Config): () => Promise<KmsCall> {
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
