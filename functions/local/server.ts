import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type S3rver from 's3rver';
import type { createApp } from '../api/app';
import type { Logger } from '../lib/logger';
import { forwardToEngine, inertHeaders } from './engine-forward';
import type { GuardDecision, GuardRequest } from './s3-guard';
import { webAssets } from './web-assets';

/** Path prefix under which s3rver is mounted, so uploads are same-origin. */
export const s3Prefix = '/_s3';

/** Adds the built web app (with SPA fallback) to the API app. */
export function withWebApp(app: ReturnType<typeof createApp>, webDist: string) {
  app.get('*', webAssets(webDist));
  return app;
}

/** A refusal's status and the fixed text it says (never an engine message). */
const refusals = {
  400: 'Bad Request: the upload was not accepted.\n',
  403: 'Forbidden: only presigned sample uploads are accepted here.\n',
  409: 'Conflict: another upload to this URL is in progress.\n',
  412: 'Precondition Failed: this upload URL has already been used.\n',
  421: 'Misdirected Request: this server does not answer for that host name.\n',
} as const;

/** Refuses a request; small bodies are drained first so the client sees the answer. */
function refuse(req: IncomingMessage, res: ServerResponse, status: keyof typeof refusals): void {
  const send = () => {
    if (res.headersSent) return;
    res.writeHead(status, { ...inertHeaders, 'content-type': 'text/plain; charset=utf-8' });
    res.end(refusals[status]);
  };
  const length = Number(req.headers['content-length'] ?? 0);
  if (req.readableEnded || length === 0 || length > 1024 ** 2) {
    res.setHeader('connection', 'close');
    send();
    return;
  }
  req.on('end', send).on('error', () => res.destroy());
  req.resume();
}

/** What the portal server routes to: the app, the upload guard, the engine, the hosts it answers. */
export interface PortalServerOptions {
  fetch: (req: Request, env: unknown) => Promise<Response>;
  guard: (req: GuardRequest) => Promise<GuardDecision>;
  /** The engine's internal endpoint (see `startInternalS3`); allowed uploads are forwarded there. */
  engineEndpoint: string;
  /** Whether a `Host` header is one the portal serves; any other gets 421 before any route. */
  allowHost: (host: string | undefined) => boolean;
  logger: Pick<Logger, 'warn'>;
}

/**
 * One HTTP server: requests for a host it does not serve get 421 (DNS rebinding); guarded sample
 * uploads under /_s3 (see `createS3Guard`) go to the engine with an allow-list of headers;
 * everything else to the Hono app, which receives the socket through the runtime's env.
 */
export function createPortalServer(options: PortalServerOptions): Server {
  const { guard, logger } = options;
  const hono = getRequestListener(options.fetch);
  // Whole-object PUTs in flight: a second one to the same key is S3's 409 for concurrent
  // conditional writes, so two racing PUTs of one URL cannot both store (and one replace) a file.
  const writing = new Set<string>();
  return createServer((req, res) => {
    if (!options.allowHost(req.headers.host)) {
      logger.warn('request for another host refused', { method: req.method });
      refuse(req, res, 421);
      return;
    }
    if (
      req.url === s3Prefix ||
      req.url?.startsWith(`${s3Prefix}/`) ||
      req.url?.startsWith(`${s3Prefix}?`)
    ) {
      const url = req.url.slice(s3Prefix.length) || '/';
      void guard({ method: req.method ?? '', url, headers: req.headers }).then(
        (decision) => {
          if (!decision.allow) {
            logger.warn('upload refused', { method: req.method, reason: decision.reason });
            refuse(req, res, decision.status ?? 403);
            return;
          }
          if (decision.headers['if-none-match'] === '*') {
            if (writing.has(decision.path)) {
              logger.warn('upload refused', { method: req.method, reason: 'concurrent write' });
              refuse(req, res, 409);
              return;
            }
            writing.add(decision.path);
            res.on('close', () => writing.delete(decision.path));
          }
          const target = { endpoint: options.engineEndpoint, ...decision };
          forwardToEngine(req, res, target, (reason) => {
            logger.warn('upload refused', { method: req.method, reason });
            refuse(req, res, 400);
          });
        },
        () => refuse(req, res, 403),
      );
      return;
    }
    void hono(req, res);
  });
}

/**
 * The engine's own listener for the portal's SDK clients: loopback only, and only under a secret
 * path prefix, so neither the network nor a web page guessing the port can reach it.
 */
export async function startInternalS3(
  s3rver: S3rver,
): Promise<{ endpoint: string; server: Server }> {
  const token = randomBytes(24).toString('hex');
  const prefix = `/${token}`;
  const s3 = s3rver.callback();
  const server = createServer((req, res) => {
    if (!req.url?.startsWith(`${prefix}/`)) {
      refuse(req, res, 403);
      return;
    }
    req.url = req.url.slice(prefix.length);
    s3(req, res);
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { endpoint: `http://127.0.0.1:${port}${prefix}`, server };
}

/** Turns a URL presigned for the internal endpoint into the same-origin path under /_s3. */
export function publicUploadPath(url: URL, internalEndpoint: string): string {
  const prefix = new URL(internalEndpoint).pathname;
  const path = url.pathname.startsWith(`${prefix}/`)
    ? url.pathname.slice(prefix.length)
    : url.pathname;
  return `${s3Prefix}${path}${url.search}`;
}

/** Listens on `port` (0 for any free port); rejects with the socket error (e.g. EADDRINUSE). */
export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
