/**
 * The vendor contacts panel in Chromium: procurement adds two people with their sections, issues
 * and copies one person's own link, edits a person, removes the other, and the removed person's
 * link is refused while the kept one opens the questionnaire with their sections first. At 1280
 * and 390 px, with screenshots in test-results/screenshots; no internal names in the text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeFindings } from './axe';
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
import { invite, staffToken } from './vendor-setup';

const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the contacts panel suite: Chromium is missing.');

/** snake_case or camelCase words: ids people must never read. */
const internalName = /\b[a-z]+_[a-z0-9_]+\b|\b[a-z]+[A-Z][a-zA-Z]+\b/;

describe.skipIf(!ready)('the vendor contacts panel in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let id = '';
  const base = () => portal?.url ?? '';

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-contacts-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'procurement')).page;
    const proc = await staffToken(base(), 'pat@demo.test', 'procurement');
    ({ id } = await invite(base(), proc, 'Contacts panel dataset'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const panel = () => page.locator('section[aria-labelledby="contacts-heading"]');
  const add = async (name: string, email: string, section: string) => {
    const form = panel().locator('details.add-contact');
    if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open)))
      await form.locator('summary').click();
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel(section).check();
    await form.getByRole('button', { name: 'Add contact' }).click();
    await panel().locator('tr', { hasText: email }).waitFor();
  };

  it('adds, links, edits and removes contacts; a removed contact’s link stops', async () => {
    await signIn(page, base(), 'pat@demo.test', '/procurement');
    await page.goto(`${base()}/assessments/${id}`);
    await panel().getByText('No named contacts yet').waitFor();

    // A bad e-mail is refused next to the field (the browser logs the 400).
    watcher.allow('/contacts', 400);
    const form = panel().locator('details.add-contact');
    await form.locator('summary').click();
    await form.getByLabel('Name').fill('Ana Ruiz');
    await form.getByLabel('E-mail').fill('not an address');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await form.locator('.error-text').waitFor();

    await add('Ana Ruiz', 'ana@northwind.test', 'Rights and privacy');
    await add('<b>Ben</b> Okafor', 'ben@northwind.test', 'Dataset identity and intended use');
    // Vendor input is text, never markup.
    expect(await panel().locator('b').count()).toBe(0);
    await panel().getByText('<b>Ben</b> Okafor').first().waitFor();

    await panel().getByRole('button', { name: 'Issue link for Ana Ruiz' }).click();
    const link = panel().locator('#contact-link');
    await link.waitFor();
    const anaUrl = await link.inputValue();
    expect(anaUrl).toMatch(/\/vendor#token=/);
    await panel().getByRole('button', { name: 'Issue link for <b>Ben</b> Okafor' }).click();
    await panel().getByText('Personal link for <b>Ben</b> Okafor').waitFor();
    const benUrl = await link.inputValue();

    await panel().getByRole('button', { name: 'Edit Ana Ruiz' }).click();
    await panel().getByLabel('Name').first().fill('Ana María Ruiz');
    await panel().getByRole('button', { name: 'Save changes' }).click();
    await panel().locator('tr', { hasText: 'Ana María Ruiz' }).waitFor();
    await panel().scrollIntoViewIfNeeded();
    await screenshot(page, 'contacts-01-panel-1280');

    await panel().getByRole('button', { name: 'Remove <b>Ben</b> Okafor' }).click();
    await panel().getByRole('button', { name: 'Yes, remove' }).click();
    await panel().locator('tr', { hasText: 'ben@northwind.test' }).waitFor({ state: 'detached' });

    const text = await page.locator('main').innerText();
    expect(text.match(internalName)).toBeNull();
    const findings = await axeViolations(page);
    expect(findings, describeFindings('contacts panel', findings)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await panel().scrollIntoViewIfNeeded();
    await screenshot(page, 'contacts-02-panel-390');
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(width).toBeLessThanOrEqual(390);

    // The removed person's link is refused with a clear message; the kept one opens.
    watcher.allow('/api/vendor/assessment', 401);
    const vendor = (await openPerson(browser as Browser, watcher, 'ben')).page;
    await vendor.goto(benUrl);
    await vendor
      .getByTestId('link-removed')
      .getByText(/removed you from this questionnaire/)
      .waitFor();
    await vendor.goto(anaUrl);
    await vendor
      .getByTestId('your-sections')
      .getByText(/Ana María Ruiz/)
      .waitFor();
    expect(await vendor.getByTestId('your-sections').textContent()).toMatch(
      /come first: Rights and privacy/,
    );
    await vendor.setViewportSize({ width: 390, height: 844 });
    await screenshot(vendor, 'contacts-03-vendor-sections-390');
    expect(watcher.problems).toEqual([]);
  }, 180_000);
});
