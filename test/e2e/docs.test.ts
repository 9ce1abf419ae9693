/**
 * The manuals in Chromium: the staff header's and the vendor page's Help link open the rendered
 * docs served by the portal itself (no request leaves the origin), under the strict CSP with no
 * console error, and a link between pages lands on its heading. Screenshots at 1280 and 390 px.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  launchChromium,
  openPerson,
  PageWatcher,
  type RunningPortal,
  screenshot,
  startPortal,
  stopPortal,
} from './portal-harness';
import { signIn } from './portal-steps';

const hasChromium = existsSync(chromiumPath);
const hasDocs = existsSync('web/dist/docs/index.html');
if (!hasDocs) console.warn('[e2e] SKIPPED the docs test: run `npm run web:build` first.');

describe.skipIf(!hasChromium || !hasDocs)('the manuals in Chromium', () => {
  let dataDir: string;
  let portal: RunningPortal;
  let browser: Browser;
  const watcher = new PageWatcher();
  const base = () => portal.url;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-docs-'));
    portal = await startPortal(join(dataDir, 'portal'));
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens from the staff header, follows a link to its heading, stays on the origin', async () => {
    const { context, page } = await openPerson(browser, watcher, 'docs-staff');
    const origin = new URL(base()).origin;
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    await signIn(page, base(), 'pat@demo.test', '/procurement');

    const help = page.getByRole('link', { name: 'Help (opens in a new tab)' });
    expect(await help.getAttribute('href')).toBe('/docs/index.html');
    // the extra header link fits a phone: no sideways scroll at 390 px
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, 'docs-staff-header-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    const [docs] = await Promise.all([context.waitForEvent('page'), help.click()]);
    watcher.watch(docs, 'docs-index');
    await docs.locator('h1', { hasText: 'Diligence' }).waitFor();
    expect(await docs.locator('link[rel=stylesheet]').getAttribute('href')).toBe('docs.css');
    // the stylesheet applied (the CSP allows it): the header has its canvas background
    expect(
      await docs.locator('.docs-header').evaluate((e) => getComputedStyle(e).backgroundColor),
    ).toBe('rgb(243, 245, 247)');

    await docs.getByRole('link', { name: 'Scoring method' }).first().click();
    await docs.waitForURL(`${origin}/docs/scoring.html`);
    await docs.locator('h2#risk-factors').waitFor();
    await docs.getByRole('link', { name: 'README' }).first().click();
    await docs.waitForURL(`${origin}/docs/index.html`);
    await docs.goto(`${origin}/docs/api.html#large-uploads`);
    await docs.locator('h2#large-uploads').waitFor();

    await screenshot(docs, 'docs-1280');
    await docs.setViewportSize({ width: 390, height: 844 });
    await docs.goto(`${origin}/docs/scoring.html`);
    await docs.locator('h1').waitFor();
    // wide tables scroll inside their own box, not the page
    expect(await docs.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(docs, 'docs-scoring-390');

    expect(requested.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    expect(watcher.problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('opens from the vendor page at the part written for vendors', async () => {
    const { context, page } = await openPerson(browser, watcher, 'docs-vendor');
    await page.goto(`${base()}/vendor`);
    const help = page.getByRole('link', { name: 'Help (opens in a new tab)' });
    expect(await help.getAttribute('href')).toBe('/docs/web.html#for-vendors');
    const [docs] = await Promise.all([context.waitForEvent('page'), help.click()]);
    watcher.watch(docs, 'docs-vendor');
    await docs.locator('h2#for-vendors').waitFor();
    expect(watcher.problems).toEqual([]);
    await context.close();
  }, 60_000);
});
