import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferredEncodings, webAssets } from '../../functions/local/web-assets';

let dir = '';
const app = new Hono();
const js = 'console.log("hashed app");'.repeat(50);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diligence-assets-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'app-ABCD1234.js'), js);
  await writeFile(join(dir, 'app-ABCD1234.js.br'), brotliCompressSync(js));
  await writeFile(join(dir, 'app-ABCD1234.js.gz'), gzipSync(js));
  await writeFile(join(dir, 'plain.txt'), 'plain');
  app.get('*', webAssets(dir));
  app.notFound((c) => c.text('not found', 404));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('local web asset serving', () => {
  it('sends a hashed asset as brotli with a year of immutable caching and Vary', async () => {
    const res = await app.request('/app-ABCD1234.js', {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(js);
  });

  it('falls back to gzip, then to the plain file, by what the client accepts', async () => {
    const gz = await app.request('/app-ABCD1234.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request('/app-ABCD1234.js', {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(js);
  });

  it('serves index.html for app routes, revalidated every time, and unhashed files uncached', async () => {
    const page = await app.request('/assessments/abc');
    expect(await page.text()).toContain('<title>app</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const txt = await app.request('/plain.txt');
    expect(txt.headers.get('cache-control')).toBe('no-cache');
  });

  it('never serves outside its folder and leaves missing files and /api to the app', async () => {
    expect((await app.request('/..%2f..%2fetc%2fpasswd.txt')).status).toBe(404);
    expect((await app.request('/missing-ABCD1234.js')).status).toBe(404);
    expect((await app.request('/api/health')).status).toBe(404);
  });

  it('reads q-values: q=0 refuses an encoding', () => {
    expect(preferredEncodings('br;q=0, gzip')).toEqual(['gzip']);
    expect(preferredEncodings('*')).toEqual(['br', 'gzip']);
    expect(preferredEncodings(undefined)).toEqual([]);
  });
});
