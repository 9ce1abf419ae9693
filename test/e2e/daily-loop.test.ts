/**
 * The daily loop in Chromium: an unsubmitted assessment shows "In progress" in the list (no tier,
 * not first in the risk sort) and a provisional score on its page only; the list downloads as
 * CSV; the page shows the vendor's other assessments; "Resend with a new link" asks first; a
 * rejected vendor reads the reviewer's comment. Pages are captured at 1280 and 390 px.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from '../api/answers';
import {
  chromiumPath,
  launchChromium,
  openPerson,
  PageWatcher,
  type RunningPortal,
  startPortal,
  stopPortal,
} from './portal-harness';
import { signIn } from './portal-steps';

const shots = join('test-results', 'screenshots-daily');
const machineText = `${Array(200)
  .fill(JSON.stringify({ text: 'As an AI language model, I cannot do that.' }))
  .join('\n')}\n`;

describe.skipIf(!existsSync(chromiumPath))('the daily loop in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const base = () => portal?.url ?? '';

  const api = async <T>(method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await res.json()) as T;
  };
  const session = async (email: string, role: string) =>
    (
      await api<{ token: string }>('POST', '/api/dev/session', '', {
        email,
        role,
        organizationId: 'demo',
      })
    ).token;

  async function invited(vendor: string, dataset: string) {
    const proc = await session('pat@demo.test', 'procurement');
    const a = await api<{ id: string }>('POST', '/api/assessments', proc, {
      vendor: { name: vendor, contactEmail: 'team@halfway.test' },
      dataset: { name: dataset, intendedUse: 'fine-tuning' },
      templateId: 'ai-training-data',
      dueAt: new Date(Date.now() + 50 * 86_400_000).toISOString(),
    });
    const inv = await api<{ token: string; inviteUrl: string }>(
      'POST',
      `/api/assessments/${a.id}/invitations`,
      proc,
    );
    return { id: a.id, ...inv };
  }

  async function capture(name: string) {
    await mkdir(shots, { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-daily-e2e-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'daily')).page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('shows an unsubmitted assessment as in progress, provisional on its page only', async () => {
    const open = await invited('Halfway Data', 'Halfway corpus');
    const { synthetic_share_percent } = completeAnswers();
    await api('PUT', '/api/vendor/answers', open.token, { answers: { synthetic_share_percent } });
    const target = await api<{ uploadUrl: string; uploadHeaders: Record<string, string> }>(
      'POST',
      '/api/vendor/samples',
      open.token,
      {
        fileName: 'sample.jsonl',
        role: 'training',
        sizeBytes: Buffer.byteLength(machineText),
        contentType: 'application/jsonl',
      },
    );
    const put = await fetch(new URL(target.uploadUrl, base()), {
      method: 'PUT',
      headers: target.uploadHeaders,
      body: machineText,
    });
    expect(put.status).toBe(200);

    await signIn(page, base(), 'pat@demo.test', '/procurement');
    await page.goto(`${base()}/assessments/${open.id}`);
    await page.getByTestId('provisional-note').waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: "This vendor's other assessments" }).waitFor();
    await capture('assessment-provisional');

    await page.goto(`${base()}/procurement?sort=risk`);
    const row = page.locator('tr', { hasText: 'Halfway Data' });
    await row.locator('.badge.tier', { hasText: 'In progress' }).waitFor();
    expect(await row.locator('.tier-critical, .tier-high').count()).toBe(0);
    const first = await page.locator('table.assessments tbody tr').first().textContent();
    expect(first).not.toContain('Halfway Data');
    await capture('procurement-list');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the list (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toContain('decision');
    expect(csv).toMatch(/Halfway Data,Halfway corpus,In progress,\d{4}-\d{2}-\d{2},,,/);

    await page.goto(`${base()}/portfolio`);
    await page
      .locator('tr', { hasText: 'Halfway Data' })
      .locator('.badge.tier', { hasText: 'In progress' })
      .waitFor();
    await capture('portfolio');
  }, 120_000);

  it('asks before resending a link, and the vendor reads the rejection comment', async () => {
    const a = await invited('Halfway Data', 'Halfway corpus v2');
    await page.goto(`${base()}/assessments/${a.id}`);
    await page.getByRole('button', { name: 'Resend with a new link…' }).click();
    await page.getByText('Resend the invitation with a new link?').waitFor();
    await page.getByText(/stops working at once/).waitFor();
    await capture('assessment-resend-confirm');
    await page.getByRole('button', { name: 'Yes, send a new link' }).click();
    const link = await page.locator('#invite-link').inputValue();
    expect(link).toContain('/vendor#token=');
    expect(link).not.toContain(a.token);
    await page.getByRole('heading', { name: "This vendor's other assessments" }).waitFor();
    await page
      .locator('table.vendor-history')
      .getByText('Halfway corpus', { exact: true })
      .waitFor();

    const token = new URL(link).hash.replace('#token=', '');
    await api('PUT', '/api/vendor/answers', token, { answers: completeAnswers() });
    await api('POST', '/api/vendor/submit', token);
    // Decide once the submission's re-score is stored (a decision waits for the final report).
    await page.reload();
    await page.getByRole('heading', { name: 'Take the report away' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('report-updating').waitFor({ state: 'hidden', timeout: 60_000 });
    const gov = await session('gail@demo.test', 'governance');
    const comment = 'The holdout overlaps the training data; send a clean holdout next time.';
    const decided = await api<{ status: string }>(
      'POST',
      `/api/assessments/${a.id}/decision`,
      gov,
      {
        decision: 'reject',
        comment,
      },
    );
    expect(decided.status).toBe('rejected');
    const vendor = (await openPerson(browser as Browser, watcher, 'vendor')).page;
    await vendor.goto(link);
    await vendor.getByText(comment).waitFor();
    await vendor.getByText('The reviewers declined this dataset', { exact: false }).waitFor();
    expect(await vendor.locator('main').textContent()).not.toContain('gail@demo.test');
    page = vendor;
    await capture('vendor-rejected');
    expect(watcher.problems).toEqual([]);
  }, 120_000);
});
