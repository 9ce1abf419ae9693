import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/lib/config';
import { createLogger } from '../../functions/lib/logger';
import { startPortal } from '../../functions/local/portal';

let dataDir = '';
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the demo seed under S3 rules', () => {
  it('stores every seeded report (object and record) within a minute of a fresh start', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-seed-'));
    const started = performance.now();
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const portal = await startPortal(config, { logger: createLogger('silent'), host: '127.0.0.1' });
    try {
      await portal.idle();
      const seconds = (performance.now() - started) / 1000;
      const { deps } = portal;
      const { items } = await deps.repos.assessments.list('demo', { limit: 100 });
      const scored = items.filter((a) => a.report);
      expect(scored.length).toBeGreaterThanOrEqual(2);
      for (const a of scored) {
        const records = await deps.repos.reports.list('demo', a.id);
        expect(records.map((r) => r.version)).toEqual(records.map((_, i) => i + 1));
        for (const r of records) {
          const stored = JSON.parse(await deps.blobs.getText(config.REPORTS_BUCKET, r.key));
          expect(stored).toMatchObject({ sha256: r.sha256, version: r.version });
        }
      }
      expect(seconds).toBeLessThan(60);
    } finally {
      await portal.close();
    }
  });
});
