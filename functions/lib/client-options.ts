import type { Config } from './config';

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

/** What every client of `config` shares: timeouts, and static credentials for local endpoints. */
export function clientOptions(config: Config, timeouts: Partial<ClientTimeouts> = {}) {
  const t = { ...defaults, ...timeouts };
  const local = config.DILIGENCE_MODE === 'local';
  return {
    timeouts: t,
    // s3rver knows one built-in key pair; dynalite accepts any.
    credentials: local ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } : undefined,
    requestHandler: (requestMs: number) => ({
      connectionTimeout: t.connectMs,
      requestTimeout: requestMs,
      throwOnRequestTimeout: true,
    }),
  };
}
