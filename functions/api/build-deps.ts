import type { S3Client } from '@aws-sdk/client-s3';
import type { SampleAnalyzer } from '../analyze/engine';
import type { AwsClients } from '../lib/aws-clients';
import type { Config } from '../lib/config';
import { createBlobStore } from '../store/blob-store';
import { createMultipartUploads, type MultipartUploads } from '../store/multipart';
import { createPartPresigner, createPresigner } from '../store/presign';
import { createRepositories } from '../store/repositories';
import type { AppDeps, DataDeps } from './env';
import { buildShellDeps, type DepsOptions } from './shell-deps';

/** Wires repositories, blob store and presigner over the given AWS clients. */
export function buildDeps(config: Config, clients: AwsClients, options: DepsOptions): AppDeps {
  return { ...buildShellDeps(config, options), ...buildDataDeps(config, clients, options) };
}

/** Repositories, blob store, presigners and the analyzer over the given AWS clients. */
export function buildDataDeps(
  config: Config,
  clients: AwsClients,
  options: Pick<DepsOptions, 'rewriteUploadUrl' | 'multipart'> = {},
): DataDeps {
  return {
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
    analyzer: lazyAnalyzer(),
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

/**
 * The analysis engine, loaded on its first call: the API only combines partials when a holdout
 * is attached, so its requests need not compile the engine and its CSV parser.
 */
function lazyAnalyzer(): SampleAnalyzer {
  let engine: Promise<SampleAnalyzer> | undefined;
  const get = () => {
    engine ??= import('../analyze/engine').then((m) => m.createSampleAnalyzer());
    return engine;
  };
  return {
    analyze: async (source, options) => (await get()).analyze(source, options),
    analyzeObject: async (object, options) => (await get()).analyzeObject(object, options),
    withHoldout: async (training, holdout, now) =>
      (await get()).withHoldout(training, holdout, now),
  };
}
