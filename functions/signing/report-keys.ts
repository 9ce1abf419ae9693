import { join } from 'node:path';
import type { ReportKeys } from '../core/signing/types';
import { clientOptions } from '../lib/client-options';
import type { Config } from '../lib/config';
import { loadOnce } from '../lib/load-once';
import { kmsReportKeys } from './kms-keys';
import { localReportKeys } from './local-keys';

/** Where the local report keys live under DATA_DIR. */
export function localKeyDir(dataDir: string): string {
  return join(dataDir, 'keys', 'report-signing');
}

/** Keys for a deployment that was given none: signing fails saying so; the JWKS is empty. */
const unconfigured: ReportKeys = {
  signer: async () => {
    throw new Error(
      'No report signing key is configured: set SIGNING_KEYS to the KMS key ARNs (the stack does).',
    );
  },
  published: async () => ({ keys: [] }),
};

/**
 * The report keys `config` names: KMS keys from SIGNING_KEYS (client built on first use),
 * else locally a key under DATA_DIR; in AWS without SIGNING_KEYS, none.
 */
export function reportKeysFor(config: Config, clock: () => Date): ReportKeys {
  if (config.SIGNING_KEYS) {
    const kms = loadOnce(async () => {
      const { KMSClient } = await import('@aws-sdk/client-kms');
      const { timeouts, requestHandler } = clientOptions(config);
      return new KMSClient({
        region: config.AWS_REGION,
        maxAttempts: timeouts.maxAttempts,
        requestHandler: requestHandler(timeouts.requestMs),
      });
    });
    return kmsReportKeys(config.SIGNING_KEYS, kms);
  }
  if (config.DILIGENCE_MODE === 'aws') return unconfigured;
  return localReportKeys(localKeyDir(config.DATA_DIR), clock);
}
