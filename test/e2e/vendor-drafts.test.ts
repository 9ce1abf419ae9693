/**
 * The vendor's own disclosure drafts in Chromium: on the review step of its questionnaire (before
 * submitting), the vendor downloads its California AB 2013 and EU training-content summary drafts
 * as Markdown files, at 1280 and 390 px. The files say they are drafts, not legal advice, keep the
 * vendor's words as escaped text, and say "not measured yet" before any sample is analyzed.
 * The review step has no serious or critical axe violation. Screenshots go to
 * test-results/screenshots.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from '../../functions/local/demo-answers';
import { axeViolations, describeFindings } from './axe';
import {
  chromiumPath,
  launchChromium,
  PageWatcher,
  type RunningPortal,
  screenshot,
  screenshotDir,
  startPortal,
  stopPortal,
} from './portal-harness';
import { goToStep } from './portal-steps';
import { invite, staffToken } from './vendor-setup';

const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the vendor drafts suite: Chromium is missing.');

const LINEAGE = 'Derived from [Acme](javascript:alert(1))\n<b>v2</b>, deduplicated.';

describe.skipIf(!ready)('vendor disclosure drafts in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let link = '';
  const base = () => portal?.url ?? '';

  const open = async (width: number): Promise<Page> => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width, height: 844 } });
    const page = watcher.watch(await context.newPage(), `vendor-${width}`);
    page.setDefaultTimeout(20_000);
    await page.goto(link);
    await page.locator('.question').first().waitFor();
    return page;
  };

  /** Clicks a draft button and returns the saved file's name and text. */
  const downloadDraft = async (page: Page, name: RegExp) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('framework-drafts').getByRole('button', { name }).click(),
    ]);
    return {
      file: download.suggestedFilename(),
      text: await readFile((await download.path()) ?? '', 'utf8'),
    };
  };

  beforeAll(async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-drafts-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    const proc = await staffToken(base(), 'pat@demo.test', 'procurement');
    const inv = await invite(base(), proc, 'Draft corpus');
    link = inv.link;
    const res = await fetch(`${base()}/api/vendor/answers`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${inv.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ answers: completeAnswers({ lineage: LINEAGE }) }),
    });
    if (!res.ok) throw new Error(`answers not saved: ${res.status} ${await res.text()}`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('downloads the AB 2013 draft at 1280 px before submitting, escaped and marked a draft', async () => {
    const page = await open(1280);
    await goToStep(page, 'Review and submit');
    const section = page.getByTestId('framework-drafts');
    await section.getByText('It is a draft, not legal advice', { exact: false }).waitFor();
    await section.scrollIntoViewIfNeeded();
    const findings = await axeViolations(page);
    expect(findings, describeFindings('vendor review step', findings)).toEqual([]);
    await screenshot(page, 'vendor-drafts-01-review-1280');
    await section.screenshot({ path: join(screenshotDir, 'vendor-drafts-02-section-1280.png') });

    const { file, text } = await downloadDraft(page, /California AB 2013 draft/);
    expect(file).toBe('draft-ca-ab2013.md');
    expect(text).toMatch(/^# Draft: California AB 2013/);
    expect(text).toContain('This is a draft, not legal advice');
    expect(text).toContain('from your current answers (not yet submitted');
    expect(text).toContain('not measured yet');
    // the vendor's words stay text: no link, no tag
    expect(text).toContain('Derived from \\[Acme\\](javascript:alert(1))');
    expect(text).toContain('\\<b\\>v2\\</b\\>');
    expect(text).not.toMatch(/[^\\]<b>|[^\\]\]\(/);
    expect(text).toContain('Status: to complete');
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
    const words = await section.evaluate((el) => (el as HTMLElement).innerText);
    expect(words).not.toMatch(/\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+[A-Z][a-zA-Z]*\b/);
    await page.context().close();
  }, 120_000);

  it('downloads the EU summary draft at 390 px without sideways scrolling', async () => {
    const page = await open(390);
    await page.getByRole('button', { name: /Step 1 of/ }).click();
    await goToStep(page, 'Review and submit');
    const section = page.getByTestId('framework-drafts');
    await section.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, 'vendor-drafts-03-review-390');
    await section.screenshot({ path: join(screenshotDir, 'vendor-drafts-04-section-390.png') });
    const { file, text } = await downloadDraft(page, /EU training-content summary draft/);
    expect(file).toBe('draft-eu-gpai-summary.md');
    expect(text).toMatch(/^# Draft: EU public summary of training content/);
    expect(text).toContain('This is a draft, not legal advice');
    await page.context().close();
    expect(watcher.problems).toEqual([]);
  }, 120_000);
});
