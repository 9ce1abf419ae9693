/**
 * A delivery contract in Chromium, the whole loop: governance approves with a condition (recycled
 * records from the last delivery at most 10 %), the vendor's next delivery recycles half of the
 * first, the assessment page shows the condition broken with the measured value and a remediation
 * item, governance accepts an exception until a date, the portal's clock passes that date and the
 * item is back in review. The vendor reads its conditions in plain words. Screenshots at 1280 and
 * 390 px go to test-results/screenshots (contracts-*).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crateRows } from '../fixtures/crate-rows';
import { deliveredAssessment, redeliver } from './contracts-setup';
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
import { call } from './spot-check-setup';

const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the delivery-contract suite: Chromium is missing.');

describe.skipIf(!ready)('a delivery contract in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let first = '';
  let second = '';
  let proc = '';
  let admin = '';
  let vendorLink = '';
  const base = () => portal?.url ?? '';

  /** Screenshots at both widths, back at 1280 after. */
  async function capture(name: string) {
    await screenshot(page, `contracts-${name}-1280`);
    await page.setViewportSize({ width: 390, height: 844 });
    // the layout settles a frame after the resize: poll rather than race it
    await expect
      .poll(() => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0), {
        message: `${name} scrolls sideways at 390 px`,
      })
      .toBeLessThanOrEqual(390);
    await screenshot(page, `contracts-${name}-390`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-contracts-'));
    // a short lease makes the portal's sweeps (remediation lapses among them) run every second
    portal = await startPortal(dataDir, { ANALYSIS_LEASE_SECONDS: '2' });
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'governance')).page;
    const d = await deliveredAssessment(base(), `${crateRows(0, 120)}\n`);
    ({ proc, admin } = d);
    first = d.id;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('approves with a condition, in plain words', async () => {
    await signIn(page, base(), 'gail@demo.test', '/governance');
    await page.goto(`${base()}/assessments/${first}`);
    await page.getByLabel(/^Approve/).check();
    const editor = page.getByTestId('conditions-editor');
    await editor.getByRole('button', { name: 'Add a condition' }).click();
    await editor.getByLabel('Metric 1').selectOption('compare.overlap.nearRate');
    await editor.getByLabel('At most (%)').fill('10');
    await editor.getByLabel('Note (optional)').fill('Recycled records from the last delivery');
    await capture('01-approve-with-condition');
    await page.getByRole('button', { name: 'Review decision' }).click();
    await page.getByRole('button', { name: 'Yes, approve' }).click();
    await page.locator('.title-row .status-approved').waitFor();
    const contract = page.getByRole('region', { name: /Delivery contract/ });
    await contract
      .getByText(/recycled from the last delivery/i)
      .first()
      .waitFor();
  }, 120_000);

  it('breaks the condition on a recycled re-delivery and opens a remediation item', async () => {
    // half of the new delivery repeats the first one
    const next = await redeliver(
      base(),
      proc,
      first,
      `${crateRows(0, 60)}\n${crateRows(500, 560)}\n`,
    );
    second = next.id;
    vendorLink = next.link;
    await page.goto(`${base()}/assessments/${second}`);
    const contract = page.getByRole('region', { name: /conditions broken/ });
    await contract.waitFor();
    expect(await contract.textContent()).toMatch(/broken, measured \d+(\.\d+)? %/);
    await contract.getByTestId('remediation-condition-0').getByText(/Open/).waitFor();
    await capture('02-broken');
  }, 180_000);

  it('accepts an exception until a date, which lapses back to review', async () => {
    await page.goto(`${base()}/assessments/${second}`);
    const item = page.getByTestId('remediation-condition-0');
    await item.getByLabel('Reason').fill('The replacement feed ships next month.');
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await item.getByLabel('Until').fill(until);
    await item.getByRole('button', { name: 'Accept until this date' }).click();
    await item
      .getByText(`Exception until ${until}: The replacement feed ships next month.`)
      .waitFor();
    await item.getByText(/Accepted \(exception\)/).waitFor();
    await capture('03-exception');

    // the portal's clock passes the date: the sweep lapses the exception
    await call(base(), 'PUT', '/api/dev/clock', admin, { offsetDays: 11 });
    await expect
      .poll(
        async () => {
          await page.reload();
          await item.waitFor();
          return item.textContent();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toMatch(/Open[\s\S]*lapsed/);
    await capture('04-lapsed');
    await page
      .getByRole('region', { name: /Delivery contract/ })
      .screenshot({ path: join(screenshotDir, 'contracts-04-panel-1280.png') });
    await call(base(), 'PUT', '/api/dev/clock', admin, { offsetDays: 0 });
  }, 120_000);

  it('shows the vendor its conditions in plain words', async () => {
    const { context, page: vendorPage } = await openPerson(browser as Browser, watcher, 'vendor');
    await vendorPage.goto(vendorLink);
    await vendorPage
      .getByText(/recycled from the last delivery/i)
      .first()
      .waitFor();
    await screenshot(vendorPage, 'contracts-05-vendor-1280');
    await vendorPage.setViewportSize({ width: 390, height: 844 });
    await screenshot(vendorPage, 'contracts-05-vendor-390');
    await context.close();
    expect(watcher.problems).toEqual([]);
  }, 60_000);
});
