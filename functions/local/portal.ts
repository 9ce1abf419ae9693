import type { Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { S3rverEvent } from 's3rver';
import { createAnalyzeHandler } from '../analyze/handler';
import { createApp } from '../api/app';
import { createStaffVerifier } from '../api/auth/staff-jwt';
import { buildDeps } from '../api/build-deps';
import type { AppDeps } from '../api/env';
import { afterAnalysis } from '../api/services/after-analysis';
import { createAwsClients } from '../lib/aws-clients';
import type { Config } from '../lib/config';
import { createLogger, type Logger } from '../lib/logger';
import { consoleMailer } from '../lib/mailers';
import { sendReminders } from '../notify/reminders';
import { ensureTable } from '../store/table-schema';
import { startEngines } from './engines';
import { localKeys } from './keys';
import { demoUsers, seedDemo } from './seed';
import { createPortalServer, listen, s3Prefix, withWebApp } from './server';

/** A running local portal. */
export interface Portal {
  url: string;
  port: number;
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  /** On first boot, the invitation link of a demo assessment (shown once). */
  demoVendorLink?: string;
  /** Resolves when every analysis started so far has finished (tests wait on this, not on time). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Boots engines, table, buckets, keys and seed data, then serves API, uploads and web on one port. */
export async function startPortal(
  config: Config,
  options: { logger?: Logger; webDist?: string; host?: string; seed?: boolean } = {},
): Promise<Portal> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL, { fn: 'local' });
  const engines = await startEngines(config.DATA_DIR, [
    config.SAMPLES_BUCKET,
    config.REPORTS_BUCKET,
  ]);
  let server: Server | undefined;
  try {
    let app: ReturnType<typeof createApp> | undefined;
    // The app needs the port (for its own S3 endpoint), so the server starts first and forwards lazily.
    const lazy = async (req: Request) => {
      if (!app) return new Response('starting', { status: 503 });
      return app.fetch(req);
    };
    server = createPortalServer(lazy, engines.s3rver);
    const port = await listen(server, config.PORT, options.host);
    const origin = `http://localhost:${port}`;
    const local: Config = {
      ...config,
      PORT: port,
      DYNAMODB_ENDPOINT: engines.dynamoEndpoint,
      S3_ENDPOINT: `http://127.0.0.1:${port}${s3Prefix}`,
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
    const deps = buildDeps(local, clients, {
      logger,
      clock: () => new Date(Date.now() + clockOffsetMs),
      mailer: consoleMailer(logger),
      verifyStaff: createStaffVerifier({
        issuer: local.AUTH_ISSUER,
        audience: local.AUTH_AUDIENCE,
        keys: keys.jwks,
      }),
      dev: {
        users: demoUsers,
        signToken: (claims) => keys.sign(claims),
        shiftClock: (days) => {
          clockOffsetMs = days * 86_400_000;
        },
      },
      rewriteUploadUrl: (url) => `${url.pathname}${url.search}`,
    });
    const analyze = createAnalyzeHandler({
      ...deps,
      onAnalyzed: (upload) => afterAnalysis(deps, upload),
    });
    const running = new Set<Promise<void>>();
    engines.s3rver.on('event', (event: S3rverEvent) => {
      const objects = event.Records.filter((r) => r.eventName.startsWith('ObjectCreated')).map(
        (r) => ({
          bucket: r.s3.bucket.name,
          key: decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')),
          size: r.s3.object.size,
        }),
      );
      if (objects.length === 0) return;
      const job = analyze(objects)
        .catch((error: unknown) => logger.error('analysis failed', { error }))
        .finally(() => running.delete(job));
      running.add(job);
    });
    app = withWebApp(createApp(deps), options.webDist ?? 'web/dist');
    const demoVendorLink = options.seed === false ? undefined : await seedDemo(deps, app);
    const reminders = setInterval(() => {
      sendReminders(deps).catch((error: unknown) => logger.error('reminders failed', { error }));
    }, 3_600_000);
    reminders.unref();
    const s = server;
    return {
      url: origin,
      port,
      demoVendorLink,
      app,
      deps,
      idle: async () => {
        while (running.size > 0) await Promise.all([...running]);
      },
      close: async () => {
        clearInterval(reminders);
        await Promise.all([...running]);
        await new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeAllConnections();
        await engines.close();
      },
    };
  } catch (error) {
    server?.close();
    await engines.close();
    throw error;
  }
}
