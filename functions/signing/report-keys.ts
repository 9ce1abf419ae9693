import { join } from 'node:path';
import type { ReportKeys } from '../core/signing/types';
import type { Config } from '../lib/config';
import { kmsClientFor } from '../lib/kms-client';
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
    return kmsReportKeys(config.SIGNING_KEYS, kmsClientFor(config));
  }
  if (config.DILIGENCE_MODE === 'aws') return unconfigured;
  return localReportKeys(localKeyDir(config.DATA_DIR), clock);
}
