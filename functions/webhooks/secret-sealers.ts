import { join } from 'node:path';
import { clientOptions } from '../lib/client-options';
import type { Config } from '../lib/config';
import { loadOnce } from '../lib/load-once';
import { kmsSealer } from './kms-sealer';
import { localSealer } from './local-sealer';
import { type SecretSealer, unconfiguredSealer } from './secret-sealer';

/** Where the local webhook-secret key lives under DATA_DIR. */
export function localSecretKeyDir(dataDir: string): string {
  return join(dataDir, 'keys', 'webhook-secrets');
}

/**
 * The sealer `config` names: the KMS key WEBHOOK_SECRETS_KEY_ARN (client built on first use),
 * else locally a key under DATA_DIR; in AWS without the ARN, one that refuses (saying so).
 */
export function webhookSecretsFor(config: Config): SecretSealer {
  const arn = config.WEBHOOK_SECRETS_KEY_ARN;
  if (arn) {
    const kms = loadOnce(async () => {
      const { KMSClient } = await import('@aws-sdk/client-kms');
      const { timeouts, requestHandler } = clientOptions(config);
      return new KMSClient({
        region: config.AWS_REGION,
        maxAttempts: timeouts.maxAttempts,
        requestHandler: requestHandler(timeouts.requestMs),
      });
    });
    return kmsSealer(kms, arn);
  }
  if (config.DILIGENCE_MODE === 'aws') return unconfiguredSealer('WEBHOOK_SECRETS_KEY_ARN');
  return localSealer(localSecretKeyDir(config.DATA_DIR));
}
