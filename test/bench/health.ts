/**
 * `/api/health` latency of the real local portal (`functions/local/main.ts`, a child process) while
 * it analyzes a 50 MB sample, side by side with the same portal idle, in one run.
 * Usage: npx tsx test/bench/health.ts [--mb 50]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '50' } } });
const targetMb = Number(values.mb);

function start(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      log += String(d);
      const m = /Diligence is running at (http:\/\/\S+)/.exec(log);
      if (m?.[1]) resolve({ url: m[1].replace('localhost', '127.0.0.1'), child });
    });
    child.once('exit', (code) => reject(new Error(`portal exited (${code})`)));
  });
}

async function call<T>(url: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Milliseconds of one GET /api/health. */
async function health(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/api/health`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`health answered ${res.status}`);
  return performance.now() - t;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const line = (name: string, xs: number[]) =>
  `${name.padEnd(22)} ${String(xs.length).padStart(6)} ${pct(xs, 50).toFixed(1).padStart(8)} ${pct(xs, 99).toFixed(1).padStart(8)} ${Math.max(
    ...xs,
  )
    .toFixed(1)
    .padStart(8)}`;

const dir = await mkdtemp(join(tmpdir(), 'diligence-health-bench-'));
const file = join(dir, 'sample.jsonl');
await writeCorpus(file, Math.round((targetMb * 1e6) / 1200));
const body = await readFile(file);
const portal = await start({ DATA_DIR: join(dir, 'data') });
try {
  const { url } = portal;
  for (let i = 0; i < 30; i++) await health(url); // warm-up, not counted
  const idle: number[] = [];
  for (let i = 0; i < 300; i++) idle.push(await health(url));
  const { token: staff } = await call<{ token: string }>(
    url,
    'POST',
    '/api/dev/session',
    undefined,
    {
      email: 'pat@demo.test',
      role: 'procurement',
      organizationId: 'demo',
    },
  );
  const a = await call<{ id: string }>(url, 'POST', '/api/assessments', staff, {
    vendor: { name: 'Bench', contactEmail: 'bench@vendor.test' },
    dataset: { name: 'Bench corpus', intendedUse: 'fine-tuning' },
    templateId: 'ai-training-data',
    dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  const { token } = await call<{ token: string }>(
    url,
    'POST',
    `/api/assessments/${a.id}/invitations`,
    staff,
  );
  const upload = await call<{
    sampleId: string;
    uploadUrl: string;
    uploadHeaders: Record<string, string>;
  }>(url, 'POST', '/api/vendor/samples', token, {
    fileName: 'bench.jsonl',
    role: 'training',
    sizeBytes: body.length,
    contentType: 'application/jsonl',
  });
  const put = await fetch(`${url}${upload.uploadUrl}`, {
    method: 'PUT',
    headers: upload.uploadHeaders,
    body,
  });
  if (put.status !== 200) throw new Error(`upload answered ${put.status}`);
  const started = performance.now();
  const busy: number[] = [];
  let status = 'analyzing';
  for (let i = 0; status === 'analyzing' || status === 'awaiting_upload'; i++) {
    busy.push(await health(url));
    if (i % 20 === 0) {
      status = (
        await call<{ status: string }>(url, 'GET', `/api/vendor/samples/${upload.sampleId}`, token)
      ).status;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const mb = (await stat(file)).size / 1e6;
  console.log(
    `\n/api/health latency (ms), real portal process, ${mb.toFixed(1)} MB JSON Lines sample (${status} in ${seconds.toFixed(1)} s):`,
  );
  console.log(
    `${'state'.padEnd(22)} ${'n'.padStart(6)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}`,
  );
  console.log(line('idle', idle));
  console.log(line('during the analysis', busy));
  console.log(`p99 during / idle: ${(pct(busy, 99) / pct(idle, 99)).toFixed(1)}x`);
  console.log(
    `Target: p99 under 200 ms during a 50 MB analysis: ${pct(busy, 99) < 200 ? 'met' : 'NOT met'}`,
  );
} finally {
  portal.child.kill('SIGTERM');
  await new Promise((resolve) => portal.child.once('exit', resolve));
  await rm(dir, { recursive: true, force: true });
}
