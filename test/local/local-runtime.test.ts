import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/lib/config';
import { createLogger } from '../../functions/lib/logger';
import { startPortal } from '../../functions/local/portal';

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'diligence-local-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Runs `npm start`'s server entry and resolves with its exit code and output (it must exit by itself). */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts'], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('local runtime', () => {
  it('seeds demo data once and keeps it across a restart in the same DATA_DIR', async () => {
    const dataDir = await tempDir();
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const first = await startPortal(config, { logger: createLogger('silent'), host: '127.0.0.1' });
    expect(first.demoVendorLink).toMatch(/\/vendor#token=/);
    await first.idle();
    const before = await first.deps.repos.assessments.list('demo', { limit: 100 });
    expect(before.items.length).toBeGreaterThanOrEqual(4);
    await first.close();

    const second = await startPortal(config, { logger: createLogger('silent'), host: '127.0.0.1' });
    expect(second.demoVendorLink).toBeUndefined();
    const after = await second.deps.repos.assessments.list('demo', { limit: 100 });
    expect(after.items.map((a) => a.id)).toEqual(before.items.map((a) => a.id));
    const res = await fetch(`${second.url}/api/health`);
    expect(res.status).toBe(200);
    await second.close();
  });

  it('serves on the PORT it is given', async () => {
    const dataDir = await tempDir();
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const portal = await startPortal(
      loadConfig({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
      {
        logger: createLogger('silent'),
        seed: false,
      },
    );
    expect(portal.port).toBe(port);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    await portal.close();
  });

  it('explains a port already in use instead of printing a stack', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, () => r()));
    const port = (blocker.address() as { port: number }).port;
    const { code, stderr } = await runMain({ PORT: String(port), DATA_DIR: await tempDir() });
    blocker.close();
    expect(code).toBe(1);
    expect(stderr).toContain(`Port ${port} is already in use`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a damaged database in the data folder', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
    await writeFile(join(dataDir, 'dynamodb', 'CURRENT'), 'garbage\n');
    const { code, stderr } = await runMain({ PORT: '0', DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/data folder .* looks damaged/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a data folder that is not a folder tree', async () => {
    const dataDir = await tempDir();
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'dynamodb'), 'not a folder');
    const { code, stderr } = await runMain({ PORT: '0', DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/data folder .* (looks damaged|in use)/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names the bad variable when the configuration is invalid', async () => {
    const { code, stderr } = await runMain({ PORT: 'eighty', DATA_DIR: await tempDir() });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
  });
});
