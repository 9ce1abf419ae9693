import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Names esbuild gives content-hashed outputs (`app-ABCD1234.js`): safe to cache for a year. */
export const hashedName = /-[A-Z0-9]{8}\.(js|css)$/;
/** Cache-Control of hashed assets (never change) and of everything else (revalidate). */
export const cacheControl = {
  hashed: 'public, max-age=31536000, immutable',
  other: 'no-cache',
} as const;

/** The encodings the client accepts, best first, among the precompressed copies we keep. */
export function preferredEncodings(acceptEncoding: string | undefined): ('br' | 'gzip')[] {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
}

async function fileSize(path: string): Promise<number | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? info.size : undefined;
}

/**
 * Serves the built web app from `root`: hashed assets with a year's immutable caching, every
 * file as its brotli or gzip copy when the client accepts one (`Vary: Accept-Encoding`), and
 * index.html (revalidated each time) for any path without a file extension (the SPA's routes).
 */
export function webAssets(root: string): MiddlewareHandler {
  const base = normalize(root);
  return async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path.includes('\0')) return next();
    const wanted = extname(path) ? decodeURIComponent(path) : '/index.html';
    const file = normalize(join(base, wanted));
    if (!file.startsWith(base + sep)) return next();
    const size = await fileSize(file);
    if (size === undefined) return next();
    const headers: Record<string, string> = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashedName.test(file) ? cacheControl.hashed : cacheControl.other,
      vary: 'Accept-Encoding',
    };
    for (const encoding of preferredEncodings(c.req.header('accept-encoding'))) {
      const packed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
      if ((await fileSize(packed)) === undefined) continue;
      headers['content-encoding'] = encoding;
      return c.body(await readFile(packed), 200, headers);
    }
    return c.body(await readFile(file), 200, headers);
  };
}
