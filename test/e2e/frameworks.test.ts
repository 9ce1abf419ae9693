/**
 * The report's "Frameworks" section in Chromium, on the demo portal's analyzed Northwind
 * assessment: governance picks California AB 2013, filters the missing items, and reads each
 * item's status and evidence as text; at 390 px the page does not scroll sideways. Screenshots at
 * 1280 and 390 px go to test-results/screenshots.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  launchChromium,
  openPerson,
  PageWatcher,
  type RunningPortal,
  screenshot,
  screenshotDir,
  startPortal,
  stopPortal,
} from './portal-harness';
import { signIn } from './portal-steps';
import { staffToken } from './vendor-setup';

const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the frameworks suite: Chromium is missing.');

describe.skipIf(!ready)('framework packs on the report in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let assessmentId = '';
  const base = () => portal?.url ?? '';

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-frameworks-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'governance')).page;
    const token = await staffToken(base(), 'gail@demo.test', 'governance');
    const list = (await (
      await fetch(`${base()}/api/assessments?status=submitted`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { items: { id: string; vendor: { name: string }; score?: number | null }[] };
    const scored = list.items.find((a) => /Northwind/.test(a.vendor.name));
    if (!scored) throw new Error(`no demo Northwind assessment in ${JSON.stringify(list)}`);
    assessmentId = scored.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('maps the report to AB 2013 and filters the missing items', async () => {
    await signIn(page, base(), 'gail@demo.test', '/governance');
    await page.goto(`${base()}/assessments/${assessmentId}`);
    const section = page.getByTestId('frameworks');
    await section.waitFor();
    await section
      .getByText(/^EU AI Act, Article 10: data and data governance\. 11 items:/)
      .waitFor();
    await section.locator('select').selectOption('ca-ab2013');
    const counts = section.getByTestId('framework-counts');
    await counts.getByText(/California AB 2013/).waitFor();
    expect(await counts.textContent()).toMatch(/12 items: \d+ contradicted, \d+ measured/);
    // the sample was analyzed: the number of records is measured, citing the sample
    const records = section.locator('tr', { hasText: '§ 3111(a)(3)' });
    expect(await records.textContent()).toMatch(/Measured[\s\S]*records in the sample/);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'frameworks-01-ab2013-1280');
    await section.screenshot({ path: join(screenshotDir, 'frameworks-01-section-1280.png') });

    await section.getByRole('button', { name: 'Missing' }).click();
    const rows = section.locator('tbody tr');
    const n = await rows.count();
    for (let i = 0; i < n; i++)
      expect(await rows.nth(i).getAttribute('data-status')).toBe('missing');
    // item 11 (first use in development) is always missing: the developer knows it, not the vendor
    await section.locator('tr', { hasText: '§ 3111(a)(11)' }).waitFor();
    expect(
      await section.getByRole('button', { name: 'Missing' }).getAttribute('aria-pressed'),
    ).toBe('true');

    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'frameworks-02-missing-390');
    await section.screenshot({ path: join(screenshotDir, 'frameworks-03-section-390.png') });
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(width).toBeLessThanOrEqual(390);
    expect(watcher.problems).toEqual([]);
  }, 120_000);
});
