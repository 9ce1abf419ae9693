import type { S3Client } from '@aws-sdk/client-s3';
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
    // The clients are read on each call, not here, so lazily built ones stay unbuilt until used.
    repos: createRepositories({
      get doc() {
        return clients.doc;
      },
      name: config.TABLE_NAME,
    }),
    blobs: createBlobStore({
      get send() {
        const { s3 } = clients;
        return s3.send.bind(s3);
      },
    }),
    presigner: (request) => createPresigner(clients.s3, options.rewriteUploadUrl)(request),
    multipart: (options.multipart ?? ((m) => m))(lazyMultipart(() => clients.s3)),
    partPresigner: (request) => createPartPresigner(clients.s3, options.rewriteUploadUrl)(request),
    analyzer: createSampleAnalyzer(),
    verifyStaff: options.verifyStaff,
    mailer: options.mailer,
    dev: options.dev,
  };
}

/** Multipart calls over an S3 client built only when the first call needs it. */
function lazyMultipart(s3: () => S3Client): MultipartUploads {
  let built: MultipartUploads | undefined;
  const get = () => {
    built ??= createMultipartUploads(s3());
    return built;
  };
  return {
    create: (bucket, key, options) => get().create(bucket, key, options),
    listParts: (target) => get().listParts(target),
    complete: (target, parts) => get().complete(target, parts),
    abort: (target) => get().abort(target),
  };
}
