import type { Config } from '../lib/config';
import { kmsClientFor } from '../lib/kms-client';
import { kmsOpenOnly } from './kms-opener';
import { localSealer, localSecretKeyDir } from './local-sealer';
import { type SecretSealer, unconfiguredSealer } from './secret-sealer';

/**
 * The delivery worker's sealer: in AWS it opens with the KMS key WEBHOOK_SECRETS_KEY_ARN and
 * cannot seal; locally the key under DATA_DIR (the same one the API seals with).
 */
export function webhookOpenerFor(config: Config): SecretSealer {
  const arn = config.WEBHOOK_SECRETS_KEY_ARN;
  if (arn) return kmsOpenOnly(kmsClientFor(config), arn);
  if (config.DILIGENCE_MODE === 'aws') return unconfiguredSealer('WEBHOOK_SECRETS_KEY_ARN');
  return localSealer(localSecretKeyDir(config.DATA_DIR));
}
