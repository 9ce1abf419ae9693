import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type S3rver from 's3rver';
import type { createApp } from '../api/app';
import type { Logger } from '../lib/logger';
import type { GuardDecision, GuardRequest } from './s3-guard';
import { webAssets } from './web-assets';

/** Path prefix under which s3rver is mounted, so uploads are same-origin. */
export const s3Prefix = '/_s3';

/** Adds the built web app (with SPA fallback) to the API app. */
export function withWebApp(app: ReturnType<typeof createApp>, webDist: string) {
  app.get('*', webAssets(webDist));
  return app;
}

/** Headers on every answer under /_s3: nothing there may render or run in a browser. */
const inertHeaders = {
  'content-security-policy': "default-src 'none'; sandbox",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** Refuses a request with 403; small bodies are drained first so the client sees the answer. */
function forbid(req: IncomingMessage, res: ServerResponse): void {
  const send = () => {
    res.writeHead(403, { ...inertHeaders, 'content-type': 'text/plain; charset=utf-8' });
    res.end('Forbidden: only presigned sample uploads are accepted here.\n');
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

/**
 * One HTTP server: guarded sample uploads under /_s3 (see `createS3Guard`), everything else to the
 * Hono app, which receives the socket through the runtime's env (its client address for rate limits).
 */
export function createPortalServer(
  fetch: (req: Request, env: unknown) => Promise<Response>,
  s3rver: S3rver,
  guard: (req: GuardRequest) => Promise<GuardDecision>,
  logger: Pick<Logger, 'warn'>,
): Server {
  const hono = getRequestListener(fetch);
  const s3 = s3rver.callback();
  return createServer((req, res) => {
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
            forbid(req, res);
            return;
          }
          req.url = decision.path;
          delete req.headers.authorization;
          for (const [name, value] of Object.entries(inertHeaders)) res.setHeader(name, value);
          s3(req, res);
        },
        () => forbid(req, res),
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
      forbid(req, res);
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
