import { createSampleAnalyzer } from '../analyze/engine';
import type { AwsClients } from '../lib/aws-clients';
import type { Config } from '../lib/config';
import { newId, newSecret } from '../lib/ids';
import type { Logger } from '../lib/logger';
import { createBlobStore } from '../store/blob-store';
import { createMultipartUploads, type MultipartUploads } from '../store/multipart';
import { createPartPresigner, createPresigner } from '../store/presign';
import { createRepositories } from '../store/repositories';
import type { StaffVerifier } from './auth/identity';
import type { AppDeps, Mailer } from './env';
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
}

/** Wires repositories, blob store and presigner over the given AWS clients. */
export function buildDeps(config: Config, clients: AwsClients, options: DepsOptions): AppDeps {
  return {
    config,
    logger: options.logger,
    clock: options.clock ?? (() => new Date()),
    newId,
    newSecret: () => newSecret(256),
    repos: createRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
    blobs: createBlobStore(clients.s3),
    presigner: createPresigner(clients.s3, options.rewriteUploadUrl),
    multipart: (options.multipart ?? ((m) => m))(createMultipartUploads(clients.s3)),
    partPresigner: createPartPresigner(clients.s3, options.rewriteUploadUrl),
    analyzer: createSampleAnalyzer(),
    verifyStaff: options.verifyStaff,
    mailer: options.mailer,
    dev: options.dev,
  };
}
