import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { S3rverEvent } from 's3rver';
import { isPackUpload } from '../analyze/fingerprint-upload';
import { parseUploadKey, uploadRepo } from '../analyze/uploads';
import { createApp } from '../api/app';
import { createStaffVerifier } from '../api/auth/staff-jwt';
import { buildDeps } from '../api/build-deps';
import type { AppDeps } from '../api/env';
import { afterAnalysis } from '../api/services/after-analysis';
import { createAwsClients } from '../lib/aws-clients';
import { type Config, devToolsEnabled } from '../lib/config';
import { createLogger, type Logger } from '../lib/logger';
import { consoleMailer } from '../lib/mailers';
import { sweepRemediation } from '../notify/remediation-sweep';
import { sendReminders } from '../notify/reminders';
import { createRescoreWorker } from '../rescore/handler';
import { purgeDueSamples } from '../retention/purge';
import type { DocClient } from '../store/dynamo';
import { ensureTable } from '../store/table-schema';
import { sweepWebhooks } from '../webhooks/deliver';
import { deliverDeps } from '../webhooks/worker-deps';
import { type AnalysisQueue, createAnalysisQueue } from './analysis/queue';
import { recoverLost, sweepLeases } from './analysis/recover';
import { startEngines } from './engines';
import { allowedHosts, hostAllowed } from './host-allow';
import { localKeys } from './keys';
import { withLocalMultipart } from './multipart-local';
import { localOrphanSweep } from './orphan-sweep';
import { localReassessments } from './reassessments';
import { createLocalRescoreQueue, type LocalRescoreQueue } from './rescore-queue';
import { requeuePendingRescores } from './rescore-recover';
import { createS3Guard, type GuardDecision, type GuardRequest } from './s3-guard';
import { demoUsers, seedDemo } from './seed';
import {
  createPortalServer,
  listen,
  publicUploadPath,
  startInternalS3,
  withWebApp,
} from './server';
import { sweepExpired } from './ttl-sweep';
import { createLivenessCheck, localMultipartExists } from './upload-liveness';

/** A running local portal. */
export interface Portal {
  url: string;
  port: number;
  /** The address the portal listens on (127.0.0.1 unless HOST says otherwise). */
  address: string;
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  /** On first boot, the invitation link of a demo assessment (shown once). */
  demoVendorLink?: string;
  /**
   * Resolves when every analysis and re-score started so far has finished (tests wait on this,
   * not on time).
   */
  idle(): Promise<void>;
  /** The in-process re-score queue (tests hold it to see the moment before a re-score). */
  rescores: LocalRescoreQueue;
  /** Runs the periodic sweeps (leases, expiry, retention) once now and waits for them. */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

/** Options of `startPortal` (tests use them; `npm start` takes everything from the config). */
export interface PortalOptions {
  logger?: Logger;
  webDist?: string;
  /** Listen address; default HOST (127.0.0.1). */
  host?: string;
  /** Seeds the demo organization when dev tools are on (default true). */
  seed?: boolean;
}

/** Boots engines, table, buckets, keys and seed data, then serves API, uploads and web on one port. */
export async function startPortal(config: Config, options: PortalOptions = {}): Promise<Portal> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL, { fn: 'local' });
  const engines = await startEngines(config.DATA_DIR, [
    config.SAMPLES_BUCKET,
    config.REPORTS_BUCKET,
  ]);
  let server: Server | undefined;
  let internal: Server | undefined;
  let timers: Timers = { stop: async () => undefined, sweep: async () => undefined };
  let queue: AnalysisQueue | undefined;
  const rescores = createLocalRescoreQueue(logger);
  try {
    let app: ReturnType<typeof createApp> | undefined;
    let guard: ((req: GuardRequest) => Promise<GuardDecision>) | undefined;
    // The app needs the port (for its links), so the server starts first and forwards lazily.
    const lazy = async (req: Request, env: unknown) => {
      if (!app) return new Response('starting', { status: 503 });
      return app.fetch(req, env);
    };
    const lazyGuard = async (req: GuardRequest): Promise<GuardDecision> =>
      guard ? guard(req) : { allow: false, reason: 'starting' };
    const s3 = await startInternalS3(engines.s3rver);
    internal = s3.server;
    let hosts: Set<string> | undefined;
    server = createPortalServer({
      fetch: lazy,
      guard: lazyGuard,
      engineEndpoint: s3.endpoint,
      allowHost: (host) => Boolean(hosts && hostAllowed(hosts, host)),
      logger,
    });
    const bind = options.host ?? config.HOST;
    const port = await listen(server, config.PORT, bind);
    const origin = `http://localhost:${port}`;
    hosts = allowedHosts({
      port,
      bind,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      extra: config.ALLOWED_HOSTS,
    });
    const local: Config = {
      ...config,
      PORT: port,
      DYNAMODB_ENDPOINT: engines.dynamoEndpoint,
      S3_ENDPOINT: s3.endpoint,
      PUBLIC_BASE_URL: config.PUBLIC_BASE_URL ?? origin,
      // Locally, big samples fan out over worker threads; Lambda keeps 1 (AWS fans out per the plan).
      ANALYSIS_WORKERS: config.ANALYSIS_WORKERS ?? Math.min(4, availableParallelism()),
    };
    const clients = createAwsClients(local);
    await ensureTable(clients.dynamo, local.TABLE_NAME);
    const keys = await localKeys(
      join(config.DATA_DIR, 'keys'),
      local.AUTH_ISSUER,
      local.AUTH_AUDIENCE,
    );
    let clockOffsetMs = 0;
    const devTools = devToolsEnabled(config);
    const deps = buildDeps(local, clients, {
      logger,
      clock: () => new Date(Date.now() + clockOffsetMs),
      mailer: consoleMailer(logger),
      verifyStaff: createStaffVerifier({
        issuer: local.AUTH_ISSUER,
        audience: local.AUTH_AUDIENCE,
        keys: keys.jwks,
      }),
      dev: devTools
        ? {
            users: demoUsers,
            signToken: (claims) => keys.sign(claims),
            shiftClock: (days) => {
              clockOffsetMs = days * 86_400_000;
            },
          }
        : undefined,
      rewriteUploadUrl: (url) => publicUploadPath(url, s3.endpoint),
      multipart: withLocalMultipart(join(config.DATA_DIR, 's3')),
      rescoreQueue: rescores,
      // re-analyses of stored files join the upload events' queue (created below)
      analysisRequests: {
        send: async (request) => {
          if (!queue) throw new Error('the analysis queue is not running yet');
          queue.push(request);
        },
      },
    });
    const uploads = uploadRepo(deps.repos);
    // The worker the SQS Lambda runs in AWS, fed in process.
    rescores.start(createRescoreWorker(deps));
    guard = createS3Guard({
      s3: clients.s3,
      samplesBucket: local.SAMPLES_BUCKET,
      clock: deps.clock,
      live: createLivenessCheck({
        getUpload: (ids) => uploads.get(ids),
        objectExists: async (bucket, key) => Boolean(await deps.blobs.head(bucket, key)),
        multipartExists: localMultipartExists(join(config.DATA_DIR, 's3')),
        getPack: (org, packId) => deps.repos.fingerprints.get(org, packId),
      }),
    });
    const analysis = createAnalysisQueue({
      config: local,
      logger,
      clockOffsetMs: () => clockOffsetMs,
      onAnalyzed: async (upload) => {
        await afterAnalysis(deps, upload);
      },
      onLost: (object, reason) => recoverLost(deps, object, reason),
    });
    queue = analysis;
    engines.s3rver.on('event', (event: S3rverEvent) => {
      for (const r of event.Records) {
        if (!r.eventName.startsWith('ObjectCreated')) continue;
        const key = decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '));
        if (
          r.s3.bucket.name !== local.SAMPLES_BUCKET ||
          !(parseUploadKey(key) || isPackUpload(key))
        )
          continue;
        // s3rver keeps no versions: the analysis is pinned to the event's ETag alone.
        const { size, eTag } = r.s3.object;
        analysis.push({ bucket: r.s3.bucket.name, key, size, ...(eTag ? { eTag } : {}) });
      }
    });
    app = withWebApp(createApp(deps), options.webDist ?? 'web/dist');
    const demoVendorLink =
      options.seed === false || !devTools
        ? undefined
        : await seedDemo(deps, app, () => rescores.idle());
    timers = startTimers(
      deps,
      clients.doc,
      analysis,
      rescores,
      logger,
      localOrphanSweep(deps, clients),
    );
    const s = server;
    const i = internal;
    return {
      url: origin,
      port,
      address: (s.address() as AddressInfo).address,
      demoVendorLink,
      app,
      deps,
      rescores,
      idle: async () => {
        await analysis.idle();
        await rescores.idle();
      },
      sweep: () => timers.sweep(),
      close: async () => {
        await timers.stop();
        await analysis.close();
        await rescores.close();
        await new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeAllConnections();
        await new Promise<void>((resolve) => i.close(() => resolve()));
        i.closeAllConnections();
        await engines.close();
      },
    };
  } catch (error) {
    await timers.stop();
    await queue?.close();
    await rescores.close();
    server?.close();
    internal?.close();
    await engines.close();
    throw error;
  }
}

/** Stops the timers (waiting for a running sweep), or runs one sweep now. */
interface Timers {
  stop(): Promise<void>;
  sweep(): Promise<void>;
}

/**
 * Reminders hourly; lease, TTL, retention and orphan sweeps at start and then every half lease (1 s to
 * 1 min). Stopping waits for a running sweep, so the engines never close under it.
 */
function startTimers(
  deps: AppDeps,
  doc: DocClient,
  queue: AnalysisQueue,
  rescores: LocalRescoreQueue,
  logger: Logger,
  orphans: () => Promise<unknown>,
): Timers {
  const reminders = setInterval(() => {
    sendReminders(deps).catch((error: unknown) => logger.error('reminders failed', { error }));
  }, 3_600_000);
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const sweep = () => {
    if (running || stopped) return;
    running = Promise.allSettled([
      sweepLeases(deps, doc, queue).catch((error: unknown) =>
        logger.error('lease sweep failed', { error }),
      ),
      sweepExpired(doc, deps.config.TABLE_NAME, deps.clock()).catch((error: unknown) =>
        logger.error('expiry sweep failed', { error }),
      ),
      // The same retention purge the daily AWS schedule runs, on the portal's (dev) clock.
      purgeDueSamples(deps).catch((error: unknown) =>
        logger.error('retention purge failed', { error }),
      ),
      requeuePendingRescores(deps, rescores).catch((error: unknown) =>
        logger.error('re-score requeue failed', { error }),
      ),
      // Lapsed exceptions and owed remediation e-mails (the hourly notify schedule in AWS).
      sweepRemediation(deps).catch((error: unknown) =>
        logger.error('remediation sweep failed', { error }),
      ),
      // Re-assessments that came due (the hourly notify schedule in AWS), once per due date.
      localReassessments(deps, doc).catch((error: unknown) =>
        logger.error('re-assessment job failed', { error }),
      ),
      // Due webhook deliveries: first attempts and retries (the SQS worker and schedule in AWS).
      sweepWebhooks(deliverDeps(deps)).catch((error: unknown) =>
        logger.error('webhook sweep failed', { error }),
      ),
      // Objects and multipart parts no live record owns (the scheduled orphan sweep in AWS).
      orphans().catch((error: unknown) => logger.error('orphan sweep failed', { error })),
    ]).finally(() => {
      running = undefined;
    });
  };
  sweep();
  const everyMs = Math.min(
    60_000,
    Math.max(1_000, (deps.config.ANALYSIS_LEASE_SECONDS * 1000) / 2),
  );
  const sweeps = setInterval(sweep, everyMs);
  for (const t of [reminders, sweeps]) t.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(reminders);
      clearInterval(sweeps);
      await running;
    },
    async sweep() {
      await running;
      sweep();
      await running;
    },
  };
}
