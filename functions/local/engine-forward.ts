import { type IncomingMessage, request, type ServerResponse } from 'node:http';

/** Headers on every answer under /_s3: nothing there may render or run in a browser. */
export const inertHeaders = {
  'content-security-policy': "default-src 'none'; sandbox",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** Where and what to forward: the engine's endpoint, the path under it, the allowed headers. */
export interface EngineForward {
  /** The engine's internal endpoint (loopback, secret path prefix). */
  endpoint: string;
  path: string;
  /** The allow-list the guard built; `host` is set here, to the engine's own. */
  headers: Record<string, string>;
}

/**
 * Sends the upload to the engine as a new request carrying only `target.headers` and the engine's
 * own Host, and answers the client itself: 200 with the ETag on success; on any engine error
 * `refuse()` (the guard's own 4xx), so no engine message (sizes, existence of objects) gets out.
 */
export function forwardToEngine(
  req: IncomingMessage,
  res: ServerResponse,
  target: EngineForward,
  refuse: (reason: string) => void,
): void {
  const base = new URL(target.endpoint);
  const upstream = request(
    {
      host: base.hostname,
      port: base.port,
      method: 'PUT',
      path: `${base.pathname}${target.path}`,
      headers: { ...target.headers, host: base.host },
    },
    (answer) => {
      answer.resume();
      const status = answer.statusCode ?? 0;
      if (status < 200 || status > 299) {
        req.unpipe(upstream);
        upstream.destroy();
        refuse(`engine answered ${status}`);
        return;
      }
      const etag = answer.headers.etag;
      res.writeHead(200, { ...inertHeaders, 'content-length': '0', ...(etag ? { etag } : {}) });
      res.end();
    },
  );
  upstream.on('error', () => {
    req.unpipe(upstream);
    if (!res.headersSent) refuse('engine unreachable');
    else res.destroy();
  });
  // A client that goes away mid-body must not leave a truncated object behind.
  req.on('close', () => {
    if (!req.complete) upstream.destroy();
  });
  req.pipe(upstream);
}
