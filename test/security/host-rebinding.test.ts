import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/lib/config';
import { allowedHosts, hostAllowed } from '../../functions/local/host-allow';
import { startTestPortal, type TestPortal } from '../api/harness';
import { raw } from './upload';

/**
 * Issue 20 item 2: a page whose DNS name rebinds to 127.0.0.1 reaches the portal with its own name
 * in `Host`. The portal answers only the hosts it serves; everything else gets 421 (RFC 9110
 * §15.5.20) before any route: API, web assets and /_s3 alike.
 */

let t: TestPortal;
let port: number;
beforeAll(async () => {
  t = await startTestPortal({
    PUBLIC_BASE_URL: 'https://diligence.example.test',
    ALLOWED_HOSTS: 'diligence.lan:8443',
  });
  port = t.portal.port;
});
afterAll(async () => {
  await t.stop();
});

const session = JSON.stringify({ email: 'a@demo.test', role: 'admin', organizationId: 'demo' });
const mint = (host: string) =>
  raw(t.portal.url, {
    method: 'POST',
    path: '/api/dev/session',
    headers: { host, 'content-type': 'application/json' },
    body: session,
  });

describe('the hosts the portal answers', () => {
  it('refuses to mint a dev session for a rebound DNS name (421, no token)', async () => {
    for (const host of [
      `evil.test:${port}`,
      'evil.test',
      `localhost.evil.test:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost:${port + 1}`,
      `127.0.0.1`,
      'diligence.example.test:444',
    ]) {
      const res = await mint(host);
      expect(res.status, host).toBe(421);
      expect(res.body, host).not.toContain('token');
    }
  });

  it('answers 421 on every surface for another host: API, web app, /_s3', async () => {
    const bucket = t.portal.deps.config.SAMPLES_BUCKET;
    for (const [method, path] of [
      ['GET', '/api/health'],
      ['GET', '/api/openapi.json'],
      ['GET', '/'],
      ['GET', '/vendor'],
      ['PUT', `/_s3/${bucket}/samples/demo/a/b`],
      ['GET', '/_s3'],
    ] as const) {
      const res = await raw(t.portal.url, { method, path, headers: { host: 'rebound.test' } });
      expect(res.status, `${method} ${path}`).toBe(421);
    }
  });

  it('answers loopback names with the port, the public origin and ALLOWED_HOSTS', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `[::1]:${port}`,
      'diligence.example.test',
      'diligence.lan:8443',
    ]) {
      const res = await raw(t.portal.url, {
        method: 'GET',
        path: '/api/health',
        headers: { host },
      });
      expect(res.status, host).toBe(200);
    }
    expect((await mint(`localhost:${port}`)).status).toBe(200);
  });

  it('builds the set from the bind address, the origin and the extras', () => {
    const hosts = allowedHosts({
      port: 3000,
      bind: '127.0.0.2',
      publicBaseUrl: 'http://portal.test:8080/app',
      extra: 'a.test, B.test:81',
    });
    expect([...hosts].sort()).toEqual(
      [
        '127.0.0.1:3000',
        '127.0.0.2:3000',
        '[::1]:3000',
        'localhost:3000',
        'portal.test:8080',
        'a.test',
        'b.test:81',
      ].sort(),
    );
    const wildcard = allowedHosts({ port: 80, bind: '0.0.0.0' });
    expect(hostAllowed(wildcard, 'localhost')).toBe(true);
    expect(hostAllowed(wildcard, '0.0.0.0:80')).toBe(false);
    expect(hostAllowed(wildcard, undefined)).toBe(false);
    expect(hostAllowed(wildcard, ['localhost'])).toBe(false);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'a.test/x' })).toThrow(/ALLOWED_HOSTS/);
  });
});
