/**
 * The demo data `npm start` seeds at first boot, through the API: the image archive assessment
 * (Lumen Imaging) is analyzed as images — photographs not flagged, the two files whose XMP
 * declares AI origin found, the resized and mirrored copies clustered, the broken file counted —
 * and its report flags the "no synthetic data" claim against them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/lib/config';
import { createLogger } from '../../functions/lib/logger';
import { type Portal, startPortal } from '../../functions/local/portal';

let dataDir = '';
let portal: Portal;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'diligence-demo-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  portal = await startPortal(config, { logger: createLogger('silent'), host: '127.0.0.1' });
  await portal.idle();
}, 120_000);
afterAll(async () => {
  await portal?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the demo portal', () => {
  it('seeds an archive of images analyzed as images, its claim checked against its files', async () => {
    const { repos } = portal.deps;
    const all = await repos.assessments.list('demo', { limit: 50 });
    const lumen = all.items.find((a) => a.vendor.name === 'Lumen Imaging');
    if (!lumen) throw new Error(`no Lumen Imaging in ${all.items.map((a) => a.vendor.name)}`);
    const [sample] = await repos.samples.list('demo', lumen.id);
    expect(sample?.status).toBe('analyzed');
    expect(sample?.summary?.images).toMatchObject({
      decoded: 10,
      undecodable: 1,
      evidenced: 2,
      evidencedShare: 0.2,
      nearRate: 0.2,
    });
    const session = await fetch(`${portal.url}/api/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'gail@demo.test', role: 'governance', organizationId: 'demo' }),
    });
    const { token } = (await session.json()) as { token: string };
    const res = await fetch(`${portal.url}/api/assessments/${lumen.id}/report`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      discrepancies: {
        questionId: string;
        claimed: unknown;
        measured: unknown;
        evidence: string;
        message: string;
      }[];
    };
    expect(report.discrepancies).toContainEqual(
      expect.objectContaining({
        questionId: 'synthetic_share_percent',
        claimed: 0,
        measured: 20,
        evidence: 'measured',
      }),
    );
    // the tagging claim speaks of images, not of records that "look machine-generated"
    expect(
      report.discrepancies.find((d) => d.questionId === 'synthetic_records_tagged')?.message,
    ).toBe(
      'Synthetic images are claimed tagged (all), but the sample has no listing with a synthetic flag while at least 20 % of images declare AI origin in their own bytes.',
    );
  }, 60_000);
});
