import type { AnalysisRequests } from '../analyze/requests';
import type { ReportKeys } from '../core/signing/types';
import type { Config } from '../lib/config';
import { newId, newSecret } from '../lib/ids';
import type { Logger } from '../lib/logger';
import type { RescoreQueue } from '../rescore/types';
import { reportKeysFor } from '../signing/report-keys';
import type { MultipartUploads } from '../store/multipart-contract';
import type { WebhookQueue } from '../webhooks/queue';
import type { SecretSealer } from '../webhooks/secret-sealer';
import { webhookSealerFor } from '../webhooks/secret-sealers';
import type { StaffVerifier } from './auth/identity';
import type { Mailer, ShellDeps } from './env';
import type { DevTools } from './routes/dev/dev-tools';

/** What differs between runtimes when building deps. */
export interface DepsOptions {
  logger: Logger;
  verifyStaff: StaffVerifier;
  mailer: Mailer;
  dev?: DevTools;
  /** Locally, presigned URLs become same-origin paths. */
  rewriteUploadUrl?: (url: URL) => string;
  /** Locally, the embedded S3 lacks ListParts and AbortMultipartUpload: the portal adds them. */
  multipart?: (s3: MultipartUploads) => MultipartUploads;
  clock?: () => Date;
  /** Locally, the portal's in-process re-score queue (default: SQS at RESCORE_QUEUE_URL). */
  rescoreQueue?: RescoreQueue;
  /** Locally, the portal's analysis queue (default: SQS at ANALYSIS_QUEUE_URL). */
  analysisRequests?: AnalysisRequests;
  /** The report signing keys (default: from the config, see signing/report-keys.ts). */
  reportKeys?: ReportKeys;
  /** The webhook worker's wake-up queue (SQS in AWS; the portal's in-process worker locally). */
  webhookQueue?: WebhookQueue;
  /** The webhook secret sealer (default: from the config, see webhooks/secret-sealers.ts). */
  webhookSecrets?: SecretSealer;
}

/** Config, logger, clock, ids, staff verification and mail: what every request can use. */
export function buildShellDeps(config: Config, options: DepsOptions): ShellDeps {
  const clock = options.clock ?? (() => new Date());
  return {
    config,
    logger: options.logger,
    clock,
    newId,
    newSecret: () => newSecret(256),
    verifyStaff: options.verifyStaff,
    mailer: options.mailer,
    reportKeys: options.reportKeys ?? reportKeysFor(config, clock),
    dev: options.dev,
    webhookQueue: options.webhookQueue,
    webhookSecrets: options.webhookSecrets ?? webhookSealerFor(config),
  };
}
