/**
 * The API reference at /api/docs in Chromium: Swagger UI renders every operation from same-origin
 * files under the strict CSP, a dev token signs "try it" in, a call against the local portal
 * succeeds, no console error is logged and no request leaves the origin.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal, type TestPortal } from '../api/harness';
import { chromiumPath, launchChromium, PageWatcher } from './portal-harness';

const hasChromium = existsSync(chromiumPath);
const hasWebBuild = existsSync('web/dist/api-docs/swagger-ui-bundle.js');
if (!hasWebBuild)
  console.warn('[e2e] SKIPPED the API reference test: run `npm run web:build` first.');
const shots = join('test-results', 'api-docs');

describe.skipIf(!hasChromium || !hasWebBuild)('API reference in Chromium', () => {
  let t: TestPortal;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestPortal();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('renders, signs in with a dev token and tries GET /api/me, with no error and no outside request', async () => {
    const origin = new URL(t.portal.url.replace('localhost', '127.0.0.1')).origin;
    const watcher = new PageWatcher();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = watcher.watch(await context.newPage(), 'api-docs');
    page.setDefaultTimeout(20_000);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));

    await page.goto(`${origin}/api/docs`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(30);

    await page.locator('#dev-token').waitFor();
    const labels = await page.locator('#dev-user option').allTextContents();
    const admin = labels.findIndex((l) => /admin/i.test(l));
    expect(admin).toBeGreaterThanOrEqual(0);
    await page.selectOption('#dev-user', String(admin));
    await page.click('#dev-token');
    await page.locator('#docs-status', { hasText: 'Signed in as' }).waitFor();

    const op = page.locator('#operations-meta-getCurrentUser');
    await op.locator('.opblock-summary').click();
    const tryOut = op.locator('button.try-out__btn');
    if ((await tryOut.count()) > 0 && /try it out/i.test((await tryOut.textContent()) ?? ''))
      await tryOut.click();
    await op.locator('button.execute').click();
    const status = op.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('200');
    await expect
      .poll(() => op.locator('.live-responses-table .microlight').first().textContent())
      .toContain('"organizationId"');

    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'api-docs-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(shots, 'api-docs-390.png') });

    expect(watcher.problems).toEqual([]);
    const outside = requested.filter(
      (u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u),
    );
    expect(outside).toEqual([]);
    expect(requested).toContain(`${origin}/api/openapi.json`);
    await context.close();
  }, 90_000);
});
