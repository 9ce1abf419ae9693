import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devToolsEnabled, loadConfig } from '../../functions/lib/config';
import { createLogger } from '../../functions/lib/logger';
import { exposureWarning } from '../../functions/local/exposure';
import { startPortal } from '../../functions/local/portal';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function portal(env: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'diligence-bind-'));
  dirs.push(dir);
  const config = loadConfig({ PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });
  return { config, portal: await startPortal(config, { logger: createLogger('silent') }) };
}

/** Resolves true when a TCP connection to host:port succeeds. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const externalAddress = () =>
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('bind address', () => {
  it('listens on 127.0.0.1 by default, unreachable from other interfaces', async () => {
    const { portal: p } = await portal();
    try {
      expect(p.address).toBe('127.0.0.1');
      expect(await reachable('127.0.0.1', p.port)).toBe(true);
      const external = externalAddress();
      if (external) expect(await reachable(external, p.port)).toBe(false);
      expect((await fetch(`http://127.0.0.1:${p.port}/api/health`)).status).toBe(200);
      const session = await fetch(`http://127.0.0.1:${p.port}/api/dev/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'a@demo.test', role: 'admin', organizationId: 'demo' }),
      });
      expect(session.status).toBe(200);
    } finally {
      await p.close();
    }
  });

  it('with another HOST, turns the dev routes and the demo seed off and warns loudly', async () => {
    const { config, portal: p } = await portal({ HOST: '0.0.0.0' });
    try {
      expect(p.address).toBe('0.0.0.0');
      expect(p.demoVendorLink).toBeUndefined();
      expect(await p.deps.repos.organizations.get('demo')).toBeUndefined();
      const session = await fetch(`http://127.0.0.1:${p.port}/api/dev/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'a@demo.test', role: 'admin', organizationId: 'demo' }),
      });
      expect(session.status).toBe(404);
      expect(exposureWarning(config)).toMatch(
        /WARNING: HOST=0\.0\.0\.0.*\n.*Dev routes .* are OFF/,
      );
    } finally {
      await p.close();
    }
  });

  it('enables dev tools on another HOST only when DEV_TOOLS=on says so, with its own warning', () => {
    const on = loadConfig({ HOST: '0.0.0.0', DEV_TOOLS: 'on' });
    expect(devToolsEnabled(on)).toBe(true);
    expect(exposureWarning(on)).toMatch(/mint an admin token for any organization/);
    expect(exposureWarning(on)).toMatch(/list the names people use in ALLOWED_HOSTS/);
    const named = loadConfig({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'lab.example:3000' });
    expect(exposureWarning(named)).toMatch(/only these names .*lab\.example:3000/);
    expect(devToolsEnabled(loadConfig({ HOST: '192.168.1.5' }))).toBe(false);
    expect(devToolsEnabled(loadConfig({}))).toBe(true);
    expect(devToolsEnabled(loadConfig({ DEV_TOOLS: 'off' }))).toBe(false);
    expect(exposureWarning(loadConfig({}))).toBeUndefined();
    expect(() => loadConfig({ DEV_TOOLS: 'yes' })).toThrow(/DEV_TOOLS/);
  });
});
