import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../functions/cli/main';
import { SmokeFailure } from '../../functions/cli/smoke-http';
import { pollUntil } from '../../functions/cli/smoke-poll';
import { loadConfig } from '../../functions/lib/config';
import { createLogger } from '../../functions/lib/logger';
import { type Portal, startPortal } from '../../functions/local/portal';

const dirs: string[] = [];
async function tempDir(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A portal on a free port with its own data folder and a stand-in built web app. */
async function boot(env: Record<string, string> = {}): Promise<Portal> {
  const webDist = await tempDir('diligence-smoke-web-');
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Diligence</title>');
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: await tempDir('diligence-smoke-'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  return startPortal(config, { logger: createLogger('silent'), seed: false, webDist });
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['smoke', ...args], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: false,
  });
  return { code, stdout, stderr };
}

let portal: Portal;
beforeAll(async () => {
  portal = await boot();
}, 60_000);
afterAll(async () => {
  await portal?.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('diligence smoke', () => {
  it('passes every step against a local portal and cancels its throwaway assessment', async () => {
    const r = await run([portal.url, '--timeout', '120']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const steps = [
      'health',
      'config',
      'sign-in',
      'session',
      'assessment',
      'vendor link',
      'upload',
      'analysis',
      'report',
      'cleanup',
    ];
    for (const step of steps) expect(r.stdout).toMatch(new RegExp(`✓ ${step} +\\d+ ms`));
    expect(r.stdout).toContain('All 10 checks passed');
    const id = /created (\w+)/.exec(r.stdout)?.[1] ?? '';
    const org = 'demo';
    const a = await portal.deps.repos.assessments.get(org, id);
    expect(a?.status).toBe('cancelled');
    // The report stays: cancelling keeps it under retention.
    expect((await portal.deps.repos.reports.list(org, id)).length).toBeGreaterThan(0);
  }, 120_000);

  it('prints each step as JSON with --json', async () => {
    const r = await run([portal.url, '--token', 'not-a-token', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      steps: { step: string; ok: boolean; error?: { status?: number; detail?: string } }[];
    };
    expect(out.ok).toBe(false);
    expect(out.steps.map((s) => [s.step, s.ok])).toEqual([
      ['health', true],
      ['config', true],
      ['sign-in', true],
      ['session', false],
    ]);
    expect(out.steps[3]?.error?.status).toBe(401);
    expect(out.steps[3]?.error?.detail).toBeTruthy();
  });

  it('names the failing step, its status and problem detail for a bad token, and creates nothing', async () => {
    const before = await portal.deps.repos.assessments.list('demo', { limit: 100 });
    const r = await run([portal.url, '--token', 'not-a-token']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ session .*answered 401/);
    expect(r.stdout).toMatch(/status: 401\n\s+detail: \S+/);
    expect(r.stdout).toMatch(/check: +pass --token/);
    expect(r.stdout).toContain('Smoke test FAILED at "session"');
    const after = await portal.deps.repos.assessments.list('demo', { limit: 100 });
    expect(after.items.length).toBe(before.items.length);
  });

  it('refuses a staff token without the procurement role', async () => {
    const res = await fetch(`${portal.url}/api/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'gov@demo.test', role: 'governance', organizationId: 'demo' }),
    });
    const { token } = (await res.json()) as { token: string };
    const r = await run([portal.url, '--token', token]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ session .*gov@demo\.test is governance/);
  });

  it('fails the health step when nothing answers at the URL', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const r = await run([`http://127.0.0.1:${port}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ health .*cannot reach http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).not.toContain('✓');
  });

  it('fails the step a hung portal leaves unanswered within --timeout', async () => {
    const silent = createServer(() => {
      // accepts the connection, never answers
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as { port: number }).port;
    try {
      const r = await run([`http://127.0.0.1:${port}`, '--timeout', '1']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/✗ health .*gave no answer within 1 s/);
    } finally {
      silent.close();
    }
  });

  it('asks for a token (exit 2) when the portal offers no dev session', async () => {
    const closed = await boot({ DEV_TOOLS: 'off' });
    try {
      const r = await run([closed.url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('pass --token');
    } finally {
      await closed.close();
    }
  }, 60_000);

  it('explains bad usage with exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['not-a-url'])).code).toBe(2);
    expect((await run([portal.url, '--timeout', 'soon'])).code).toBe(2);
  });
});

describe('pollUntil', () => {
  it('reports a timeout as a step failure naming what it waited for and the last state', async () => {
    let now = 0;
    const clock = {
      now: () => now,
      wait: async (ms: number) => {
        now += ms;
      },
    };
    let reads = 0;
    const waiting = pollUntil(
      async () => {
        reads++;
        return 'analyzing';
      },
      {
        done: (s) => s === 'analyzed',
        describe: (s) => `status ${s}`,
        what: 'the analysis',
        hint: 'check the analyzer',
        deadline: 5_000,
        clock,
      },
    );
    await expect(waiting).rejects.toThrow(SmokeFailure);
    await expect(waiting).rejects.toThrow('timed out waiting for the analysis (status analyzing)');
    expect(reads).toBeGreaterThan(2);
    expect(now).toBe(5_000);
  });
});
