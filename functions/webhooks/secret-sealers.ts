import type { Config } from '../lib/config';
import { kmsClientFor } from '../lib/kms-client';
import { kmsSealOnly } from './kms-sealer';
import { localSealer, localSecretKeyDir } from './local-sealer';
import { type SecretSealer, unconfiguredSealer } from './secret-sealer';

/**
 * The API's sealer: in AWS it seals with the KMS key WEBHOOK_SECRETS_KEY_ARN and cannot open
 * (in AWS without the ARN it refuses, saying so); locally the key under DATA_DIR seals and opens
 * (the portal's in-process worker opens with it).
 */
export function webhookSealerFor(config: Config): SecretSealer {
  const arn = config.WEBHOOK_SECRETS_KEY_ARN;
  if (arn) return kmsSealOnly(kmsClientFor(config), arn);
  if (config.DILIGENCE_MODE === 'aws') return unconfiguredSealer('WEBHOOK_SECRETS_KEY_ARN');
  return localSealer(localSecretKeyDir(config.DATA_DIR));
}
