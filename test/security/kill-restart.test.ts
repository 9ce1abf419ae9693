import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
let dataDir = '';
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Starts the real `npm start` entry and resolves with its URL and a view of its output. */
function start(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let log = '';
  child.stdout?.on('data', (d) => {
    log += String(d);
  });
  child.stderr?.on('data', (d) => {
    log += String(d);
  });
  return new Promise((resolve, reject) => {
    const onData = () => {
      const m = /Diligence is running at (http:\/\/\S+)/.exec(log);
      if (m?.[1]) {
        child.stdout?.off('data', onData);
        resolve({ url: m[1].replace('localhost', '127.0.0.1'), child, out: () => log });
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`portal exited (${code}):\n${log}`)));
  });
}

/** A JSON Lines sample big enough that its analysis takes a few seconds. */
function bigSample(records: number): string {
  const words =
    'river stone harbor market lantern meadow copper violet thunder willow garden'.split(' ');
  const lines: string[] = [];
  for (let i = 0; i < records; i++) {
    const text = Array.from(
      { length: 40 },
      (_, j) => words[(i * 7 + j * 13 + ((i * j) % 11)) % words.length],
    ).join(' ');
    lines.push(JSON.stringify({ text: `${i} ${text}`, label: i % 3 ? 'a' : 'b' }));
  }
  return `${lines.join('\n')}\n`;
}

async function api<T>(url: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Resolves when the portal's output contains `text` (read as it arrives, no polling). */
function logged(child: ChildProcess, out: () => string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!out().includes(text)) return;
      child.stdout?.off('data', check);
      resolve();
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`portal exited (${code}):\n${out()}`)));
    check();
  });
}

describe('an analysis interrupted by kill -9', () => {
  it('is taken over at the next start, without waiting for its 20-minute lease, and completes', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-kill-'));
    // the default lease (20 minutes): the restart must not wait for it
    const env = { DATA_DIR: dataDir };
    // built first: a long pause between requests lets the server close the kept-alive socket
    const body = bigSample(50_000);
    const first = await start(env);
    const { token: staff } = await api<{ token: string }>(
      first.url,
      'POST',
      '/api/dev/session',
      undefined,
      {
        email: 'pat@demo.test',
        role: 'procurement',
        organizationId: 'demo',
      },
    );
    const a = await api<{ id: string }>(first.url, 'POST', '/api/assessments', staff, {
      vendor: { name: 'Acme', contactEmail: 'data@acme.test' },
      dataset: { name: 'Acme v1', intendedUse: 'fine-tuning' },
      templateId: 'ai-training-data',
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const { token } = await api<{ token: string }>(
      first.url,
      'POST',
      `/api/assessments/${a.id}/invitations`,
      staff,
    );
    const upload = await api<{
      sampleId: string;
      uploadUrl: string;
      uploadHeaders: Record<string, string>;
    }>(first.url, 'POST', '/api/vendor/samples', token, {
      fileName: 'big.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
    });
    const put = await fetch(new URL(upload.uploadUrl, first.url), {
      method: 'PUT',
      headers: upload.uploadHeaders,
      body,
    });
    expect(put.status).toBe(200);
    const status = (url: string) =>
      api<{ status: string; error?: string }>(
        url,
        'GET',
        `/api/vendor/samples/${upload.sampleId}`,
        token,
      );
    let seen = '';
    for (let i = 0; i < 400 && seen !== 'analyzing'; i++) seen = (await status(first.url)).status;
    expect(seen).toBe('analyzing');
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;

    const second = await start(env);
    await logged(second.child, second.out, 'interrupted analysis re-queued');
    let last = { status: '' } as { status: string; error?: string };
    for (let i = 0; i < 600 && last.status !== 'analyzed' && last.status !== 'failed'; i++) {
      last = await status(second.url);
      if (last.status === 'analyzing') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(last).toMatchObject({ status: 'analyzed' });
    expect(second.out()).toContain('interrupted analysis re-queued');
    second.child.kill('SIGTERM');
  }, 180_000);
});
