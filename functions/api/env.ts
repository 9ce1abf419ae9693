import type { SampleAnalyzer } from '../analyze/engine';
import type { AnalysisRequests } from '../analyze/requests';
import type { ReportKeys } from '../core/signing/types';
import type { Config } from '../lib/config';
import type { Logger } from '../lib/logger';
import type { RescoreQueue } from '../rescore/types';
import type { BlobStore } from '../store/blob-store';
import type { MultipartUploads } from '../store/multipart-contract';
import type { PartPresigner, Presigner } from '../store/presign';
import type { Repositories } from '../store/repositories';
import type { WebhookQueue } from '../webhooks/queue';
import type { SecretSealer } from '../webhooks/secret-sealer';
import type { Resolver } from '../webhooks/url-guard';
import type { StaffIdentity, StaffVerifier, VendorIdentity } from './auth/identity';
import type { DevTools } from './routes/dev/dev-tools';

/** Delivers one e-mail. */
export type Mailer = (message: { to: string; subject: string; body: string }) => Promise<void>;

/** What every request can use: cheap to build, so the Lambda has it before any request. */
export interface ShellDeps {
  config: Config;
  logger: Logger;
  clock: () => Date;
  newId: (now?: Date) => string;
  newSecret: () => string;
  verifyStaff: StaffVerifier;
  /** Delivers an e-mail (console locally, SES in AWS). */
  mailer: Mailer;
  /** The keys that sign report bundles (KMS in AWS, DATA_DIR locally) and the published JWKS. */
  reportKeys: ReportKeys;
  /** Present only in local mode: demo users and a token signer. */
  dev?: DevTools;
  /** Wakes the webhook worker for a fresh delivery (SQS in AWS, in process locally). */
  webhookQueue?: WebhookQueue;
  /** Seals webhook signing secrets at rest (KMS in AWS: the API may only seal; DATA_DIR locally). */
  webhookSecrets: SecretSealer;
  /** Resolves webhook hosts (default: the system resolver; tests inject their own). */
  resolveHost?: Resolver;
}

/**
 * Storage and analysis: the AWS SDK clients and the analysis engine stand behind these, so the
 * Lambda loads them only for the first request whose routes need them (see `lazy-app.ts`).
 */
export interface DataDeps {
  repos: Repositories;
  blobs: BlobStore;
  presigner: Presigner;
  /** Multipart uploads of big samples: the S3 calls, and presigned part URLs. */
  multipart: MultipartUploads;
  partPresigner: PartPresigner;
  /** The sample analysis engine (also combines training and holdout partials). */
  analyzer: SampleAnalyzer;
  /** Where re-score requests go (SQS in AWS, the portal's in-process queue locally). */
  rescoreQueue: RescoreQueue;
  /** Where re-analyses of stored files go (the analyzer's SQS queue in AWS, in process locally). */
  analysisRequests: AnalysisRequests;
}

/** One entry per member of `DataDeps` (the type makes the list complete). */
const dataDepKeys: Record<keyof DataDeps, true> = {
  repos: true,
  blobs: true,
  presigner: true,
  multipart: true,
  partPresigner: true,
  analyzer: true,
  rescoreQueue: true,
  analysisRequests: true,
};
/** The members of `DataDeps`, for code that must name them at run time. */
export const dataDepNames = Object.keys(dataDepKeys) as (keyof DataDeps)[];

/** Everything the app needs from the outside world; tests pass their own. */
export interface AppDeps extends ShellDeps, DataDeps {}

/** Hono environment: deps and per-request values on the context. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    logger: Logger;
    staff: StaffIdentity;
    vendor: VendorIdentity;
  };
}
