import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type S3rver from 's3rver';
import type { createApp } from '../api/app';
import { webAssets } from './web-assets';

/** Path prefix under which s3rver is mounted, so uploads are same-origin. */
export const s3Prefix = '/_s3';

/** Adds the built web app (with SPA fallback) to the API app. */
export function withWebApp(app: ReturnType<typeof createApp>, webDist: string) {
  app.get('*', webAssets(webDist));
  return app;
}

/** One HTTP server: s3rver under /_s3, everything else to the Hono app. */
export function createPortalServer(
  fetch: (req: Request) => Promise<Response>,
  s3rver: S3rver,
): Server {
  const hono = getRequestListener(fetch);
  const s3 = s3rver.callback();
  return createServer((req, res) => {
    if (req.url === s3Prefix || req.url?.startsWith(`${s3Prefix}/`)) {
      req.url = req.url.slice(s3Prefix.length) || '/';
      s3(req, res);
      return;
    }
    void hono(req, res);
  });
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
