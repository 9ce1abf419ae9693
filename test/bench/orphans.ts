/**
 * The orphan sweep on the local portal: bytes of multipart parts left on disk by register-and-
 * replace cycles whose stale part URLs keep writing, before and after one sweep; and the time one
 * sweep takes over many orphan objects.
 * Usage: npx tsx test/bench/orphans.ts [--cycles 25] [--objects 2000]
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createAwsClients } from '../../functions/lib/aws-clients';
import { loadConfig } from '../../functions/lib/config';
import { newId } from '../../functions/lib/ids';
import { createLogger } from '../../functions/lib/logger';
import { localOrphanSweep } from '../../functions/local/orphan-sweep';
import { startPortal } from '../../functions/local/portal';
import { ORPHAN_GRACE_MS } from '../../functions/retention/orphan-verdict';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '25' },
    objects: { type: 'string', default: '2000' },
  },
});
const MiB = 1024 ** 2;
const dir = await mkdtemp(join(tmpdir(), 'diligence-orphans-'));
const config = loadConfig({
  PORT: '0',
  DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  MULTIPART_THRESHOLD_BYTES: String(5 * MiB),
  MULTIPART_PART_BYTES: String(5 * MiB),
});
const portal = await startPortal(config, { logger: createLogger('silent'), seed: false });
const base = portal.url.replace('localhost', '127.0.0.1');
const call = async <T>(method: string, path: string, token?: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const folderBytes = async (path: string): Promise<number> => {
  let total = 0;
  for (const e of await readdir(path, { withFileTypes: true }).catch(() => [])) {
    const p = join(path, e.name);
    total += e.isDirectory() ? await folderBytes(p) : (await stat(p)).size;
  }
  return total;
};

try {
  const { token: proc } = await call<{ token: string }>('POST', '/api/dev/session', undefined, {
    email: 'pat@demo.test',
    role: 'procurement',
    organizationId: 'demo',
  });
  const a = await call<{ id: string }>('POST', '/api/assessments', proc, {
    vendor: { name: 'Acme', contactEmail: 'data@acme.test' },
    dataset: { name: 'Set', intendedUse: 'fine-tuning' },
    templateId: 'ai-training-data',
    dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  const { token } = await call<{ token: string }>(
    'POST',
    `/api/assessments/${a.id}/invitations`,
    proc,
  );
  const part = new Uint8Array(5 * MiB).fill(97);
  let stale: { url: string }[] = [];
  const cycles = Number(values.cycles);
  for (let i = 0; i < cycles; i++) {
    const reg = await call<{ sampleId: string }>('POST', '/api/vendor/samples', token, {
      fileName: 'big.jsonl',
      role: 'training',
      sizeBytes: 10 * MiB,
      contentType: 'application/jsonl',
    });
    // The URLs of the upload this registration replaced keep writing (into s3rver's folder).
    for (const s of stale) await fetch(s.url, { method: 'PUT', body: part });
    const { parts } = await call<{ parts: { url: string }[] }>(
      'POST',
      `/api/vendor/samples/${reg.sampleId}/parts`,
      token,
      { partNumbers: [1, 2] },
    );
    for (const p of parts) await fetch(p.url, { method: 'PUT', body: part });
    stale = parts;
  }
  const uploads = join(dir, 's3', config.SAMPLES_BUCKET, '._S3rver_uploads');
  const before = await folderBytes(uploads);
  await portal.sweep();
  const after = await folderBytes(uploads);
  console.log(
    `${cycles} register-and-replace cycles: ${(before / MiB).toFixed(0)} MiB of parts on disk, ${(after / MiB).toFixed(0)} MiB after one sweep (the live upload's)`,
  );

  const clients = createAwsClients(portal.deps.config);
  const n = Number(values.objects);
  for (let i = 0; i < n; i++)
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: config.SAMPLES_BUCKET,
        Key: `samples/demo/${a.id}/${newId()}`,
        Body: 'x',
      }),
    );

  await portal.idle();
  const later = () => new Date(Date.now() + ORPHAN_GRACE_MS + 60_000);
  const sweep = localOrphanSweep({ ...portal.deps, clock: later }, clients);
  const started = performance.now();
  const result = await sweep();
  const ms = performance.now() - started;
  console.log(
    `one sweep over ${result.listed} listed entries: ${result.versions} orphan objects deleted in ${ms.toFixed(0)} ms`,
  );
} finally {
  await portal.close();
  await rm(dir, { recursive: true, force: true });
}
