/**
 * Passports in Chromium: once the buyer allows sharing, the vendor of an approved assessment makes
 * a passport link on its closed questionnaire; the public page opens in a fresh context without
 * sign-in and shows the signed summary in plain words; the downloaded file verifies against the
 * portal's keys; staff see the panel on the assessment page; a revoked link says so. 1280 and
 * 390 px. Screenshots: test-results/screenshots/passport-*.png.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassport } from '../../functions/core/report/passport-verify';
import type { KeySet } from '../../functions/core/signing';
import { axeViolations, describeFindings } from './axe';
import {
  chromiumPath,
  launchChromium,
  PageWatcher,
  type RunningPortal,
  screenshot,
  startPortal,
  stopPortal,
} from './portal-harness';
import { signIn } from './portal-steps';
import { answerAndSubmit, decide, invite, staffToken } from './vendor-setup';

const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the passport suite: Chromium is missing.');

/** camelCase or snake_case words: internal names a person should never read. */
const JARGON = /\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+[A-Z][a-zA-Z]*\b/;

/** What a person reads in `el`, without code samples (the command and the key id). */
const words = (el: Locator) =>
  el.evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    for (const code of copy.querySelectorAll('code, pre')) code.remove();
    document.body.append(copy);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
    const text = copy.innerText;
    copy.remove();
    return text;
  });

/** The elements wider than the viewport (empty when nothing scrolls sideways). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5);
  });

describe.skipIf(!ready)('passports in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let vendorLink = '';
  let passportUrl = '';
  let assessmentId = '';
  const base = () => portal?.url ?? '';

  const open = async (url: string, width: number, name: string): Promise<Page> => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      acceptDownloads: true,
    });
    const page = watcher.watch(await context.newPage(), name);
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    return page;
  };

  beforeAll(async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-passport-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    const proc = await staffToken(base(), 'pat@demo.test', 'procurement');
    const gov = await staffToken(base(), 'gail@demo.test', 'governance');
    const inv = await invite(base(), proc, 'Passport <b>corpus</b>');
    ({ id: assessmentId, link: vendorLink } = inv);
    await answerAndSubmit(base(), inv.token);
    await decide(base(), gov, inv.id, 'approve');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('an admin allows sharing on the policy page; before that the vendor sees no share panel', async () => {
    const vendor = await open(vendorLink, 1280, 'vendor-before-1280');
    await vendor.getByText('The reviewers accepted this dataset', { exact: false }).waitFor();
    await vendor.waitForLoadState('networkidle');
    expect(await vendor.getByTestId('passport-panel').count()).toBe(0);
    await vendor.context().close();

    const admin = await open(`${base()}/signin`, 1280, 'admin-1280');
    await signIn(admin, base(), 'ada@demo.test', '/portfolio');
    await admin.goto(`${base()}/policy`);
    const section = admin.getByTestId('passport-sharing');
    await section.getByLabel(/Vendors may share their approval/).check();
    await section.getByLabel(/regulatory checklist item/).check();
    await section.getByLabel('Why sharing changes').fill('Vendors may show their approvals.');
    await section.getByRole('button', { name: /^Save the sharing setting as version/ }).click();
    await section.getByText(/Saved as version \d+/).waitFor();
    expect(await words(section)).not.toMatch(JARGON);
    await admin.getByText('Changed whether vendors may share their approvals.').first().waitFor();
    await section.screenshot({
      path: join('test-results', 'screenshots', 'passport-00-policy-1280.png'),
    });
    await admin.context().close();
  }, 120_000);

  it('the vendor shares at 1280 px; a fresh browser opens the public page and the file verifies', async () => {
    const vendor = await open(vendorLink, 1280, 'vendor-1280');
    const panel = vendor.getByTestId('passport-panel');
    await panel.getByRole('button', { name: 'Create a passport link' }).click();
    const input = panel.locator('#passport-link');
    await input.waitFor();
    passportUrl = await input.inputValue();
    expect(passportUrl.startsWith(`${base()}/passport#token=`)).toBe(true);
    expect(passportUrl).toMatch(/\/passport#token=[A-Za-z0-9_-]{22,}$/);
    await panel.getByTestId('passport-state').getByText('A link is live').waitFor();
    expect(await words(panel)).not.toMatch(JARGON);
    await screenshot(vendor, 'passport-01-vendor-share-1280');
    await vendor.context().close();

    const page = await open(passportUrl, 1280, 'public-1280');
    const facts = page.getByTestId('passport-facts');
    await facts.waitFor();
    const text = await words(page.locator('main'));
    for (const expected of ['Passport <b>corpus</b>', 'Northwind Data', 'Approved by', 'Risk tier'])
      expect(text).toContain(expected);
    // the vendor's words are text, never markup
    expect(await page.locator('main b').count()).toBe(0);
    expect(text).not.toMatch(JARGON);
    expect(await page.getByTestId('passport-framework').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('verify-command').textContent()).toContain(
      `npx diligence verify passport.json --keys ${base()}/.well-known/diligence-keys.json`,
    );
    expect(await sideways(page)).toEqual([]);
    const findings = await axeViolations(page);
    expect(findings, describeFindings('public passport page', findings)).toEqual([]);
    await screenshot(page, 'passport-02-public-1280');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the signed passport' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('passport.json');
    const file = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as unknown;
    const keys = (await (
      await fetch(`${base()}/.well-known/diligence-keys.json`)
    ).json()) as KeySet;
    expect(verifyPassport(file, keys)).toMatchObject({ ok: true });
    await page.context().close();
  }, 120_000);

  it('shows the public page at 390 px without sideways scrolling, and the staff panel', async () => {
    const page = await open(passportUrl, 390, 'public-390');
    await page.getByTestId('passport-facts').waitFor();
    expect(await sideways(page)).toEqual([]);
    await screenshot(page, 'passport-03-public-390');
    await page.context().close();

    const staff = await open(`${base()}/signin`, 390, 'staff-390');
    await signIn(staff, base(), 'gail@demo.test', '/governance');
    await staff.goto(`${base()}/assessments/${assessmentId}`);
    const panel = staff.getByTestId('passport-panel');
    await panel.getByTestId('passport-state').getByText('A link is live').waitFor();
    expect(await words(panel)).not.toMatch(JARGON);
    for (const button of await panel.locator('button').all())
      expect(await button.getAttribute('class')).toBe('button secondary small');
    await panel.scrollIntoViewIfNeeded();
    expect(await sideways(staff)).toEqual([]);
    await panel.screenshot({
      path: join('test-results', 'screenshots', 'passport-04-staff-390.png'),
    });
    await staff.context().close();
  }, 120_000);

  it('the vendor revokes at 390 px and the public page says the link no longer works', async () => {
    const vendor = await open(vendorLink, 390, 'vendor-390');
    const panel = vendor.getByTestId('passport-panel');
    await panel.getByRole('button', { name: 'Revoke the link' }).click();
    await panel.getByText('The link is revoked').waitFor();
    await screenshot(vendor, 'passport-05-vendor-revoked-390');
    await vendor.context().close();

    watcher.allow('/api/passports/', 404);
    const page = await open(passportUrl, 390, 'public-revoked-390');
    await page.getByTestId('passport-gone').waitFor();
    expect(await page.getByTestId('passport-facts').count()).toBe(0);
    await screenshot(page, 'passport-06-public-revoked-390');
    await page.context().close();
    watcher.clearAllowed();
    expect(watcher.problems).toEqual([]);
  }, 120_000);
});
