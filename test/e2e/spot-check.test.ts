/**
 * Evidence that catches a dishonest vendor, in a real browser: governance uploads a known-machine
 * reference (naming its generator), attaches it beside the human one, then runs spot-checks to the
 * end with the keyboard only, at 1280 px and at 390 px (resuming after a reload), and the report
 * then words the machine-text evidence as reviewed by a person. Screenshots at both widths.
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
  startPortal,
  stopPortal,
} from './portal-harness';
import { signIn } from './portal-steps';
import { assessmentWithSample, humanPath, machinePath, splitMachineFile } from './spot-check-setup';

const ready = existsSync(chromiumPath) && existsSync(humanPath) && existsSync(machinePath);
if (!ready)
  console.warn('[e2e] SKIPPED the spot-check suite: Chromium or ../shared/data is missing.');

const machineName = 'User tasks by <i>davinci</i>';
const generator = 'text-davinci-003';
/** The keys pressed for the ten records: mostly machine (the sample is machine-written), one of each other. */
const keys = ['m', 'm', 'h', 'm', 'u', 'm', 'm', 'm', 'm', 'm'];

/** The id of the focused element, or its tag name and classes when it has none. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? el.id || `${el.tagName.toLowerCase()}.${el.className}` : '';
  });

/** Presses Tab until the element with `id` has focus (keyboard only; fails after 300 presses). */
async function tabTo(page: Page, id: string) {
  for (let i = 0; i < 300; i++) {
    if ((await focused(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

describe.skipIf(!ready)('spot-check in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let assessmentId = '';
  let referencePath = '';
  const base = () => portal?.url ?? '';
  const progress = () => page.locator('[data-testid="spot-progress"]');

  /** Waits until the page shows record `n` (1-based) of `size` with `tagged` tags saved. */
  const atRecord = (n: number, size: number, tagged: number) =>
    progress()
      .filter({ hasText: `Record ${n} of ${size}. ${tagged} of ${size} tagged.` })
      .waitFor();

  /** Starts a spot-check of `size` records from the assessment page, with the keyboard only. */
  async function startWithKeyboard(size: number) {
    await page.goto(`${base()}/assessments/${assessmentId}`);
    await page.getByRole('heading', { name: 'Reviewer spot-check', level: 2 }).waitFor();
    expect(await page.locator('#spot-size').inputValue()).toBe('100');
    await tabTo(page, 'spot-size');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await page.locator('#spot-size-error', { hasText: 'at least one' }).waitFor();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(size));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/assessments\/[^/]+\/spot-checks\/[^/]+$/);
    await atRecord(1, size, 0);
  }

  /** Tags records `from`..`to` (0-based, inclusive) with `keys`, checking focus and progress. */
  async function tagRange(from: number, to: number, size: number, tagged: number) {
    for (let i = from; i <= to; i++) {
      await atRecord(i + 1, size, tagged + i - from);
      await expect.poll(() => focused(page)).toMatch(/^article\.spot-text/);
      const text = page.locator('[data-testid="spot-text"]');
      // The record is text only: no element inside, whatever the vendor's record holds.
      expect(await text.evaluate((el) => el.children.length)).toBe(0);
      expect((await text.textContent())?.trim().length).toBeGreaterThan(0);
      await page.keyboard.press(keys[i] ?? 'm');
    }
  }

  /** After the last tag focus is on Finish; Enter finishes; the result is read out in words. */
  async function finishWithKeyboard(size: number) {
    await atRecord(size, size, size);
    await page.getByRole('button', { name: 'Finish' }).and(page.locator(':focus')).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="spot-result"]').waitFor();
    // focus moves in an effect after the result renders: wait for it, do not race it
    await expect.poll(() => focused(page)).toBe('spot-result-heading');
    expect(await page.locator('[data-testid="spot-result-share"]').textContent()).toMatch(
      /^About \d+(\.\d)? % of the sample's records are machine-made/,
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('details[open] summary', { hasText: 'How this was measured' }).waitFor();
  }

  /** No horizontal scrolling at the current width. */
  const fitsWidth = async () =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-spot-'));
    const split = await splitMachineFile(dataDir);
    referencePath = split.referencePath;
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'governance')).page;
    assessmentId = (await assessmentWithSample(base(), split.samplePath)).id;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('uploads a known-machine reference naming its generator, refusing one without', async () => {
    await signIn(page, base(), 'gail@demo.test', '/governance');
    await page.getByRole('link', { name: 'Reference samples' }).click();
    await page.getByRole('heading', { name: 'How to make a machine reference' }).waitFor();
    expect(await page.locator('[data-testid="machine-howto"]').textContent()).toMatch(
      /npx diligence reference prompts <human file>.*Nothing in Diligence calls a model/,
    );
    await page.getByLabel('Known-machine').check();
    await page.locator('#reference-name').fill(machineName);
    await page.locator('#reference-file').setInputFiles(referencePath);
    await page.getByRole('button', { name: 'Upload reference' }).click();
    await page.locator('#reference-generator-error', { hasText: 'Name the model' }).waitFor();
    await expect.poll(() => focused(page)).toBe('reference-generator');
    await page.locator('#reference-generator').fill(generator);
    await page.getByRole('button', { name: 'Upload reference' }).click();
    const row = page.locator('[data-testid="reference-row"]', { hasText: machineName });
    await row.locator('.status-analyzed').waitFor({ timeout: 90_000 });
    expect(await row.locator('[data-testid="reference-kind"]').textContent()).toBe(
      `Known-machine (${generator})`,
    );
    expect(await page.locator('main i').count()).toBe(0);
    await screenshot(page, 'spot-01-references-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsWidth();
    await screenshot(page, 'spot-01-references-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 150_000);

  it('attaches the machine reference beside the human one; the report fits both', async () => {
    await page.goto(`${base()}/assessments/${assessmentId}`);
    await page.locator('#machine-reference-choice').selectOption({ label: machineName });
    await page.getByRole('button', { name: 'Attach machine reference' }).click();
    await page
      .locator('[data-testid="attached-machine-reference"]', { hasText: `written by ${generator}` })
      .waitFor();
    const note = page.locator('[data-testid="machine-reference-note"]', { hasText: machineName });
    await note.waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="reference-mode"]', { hasText: 'Two-sided' }).waitFor();
    await page.locator('[data-testid="reference-separation"]').waitFor();
    await screenshot(page, 'spot-02-machine-attached-1280');
  }, 120_000);

  it('runs a spot-check to the end with the keyboard at 1280 px, flags and arrows included', async () => {
    await startWithKeyboard(10);
    await tagRange(0, 0, 10, 0);
    // A flag before the tag: P ticks "Personal data", the tag key then saves both and moves on.
    await atRecord(2, 10, 1);
    await page.keyboard.press('p');
    expect(await page.getByLabel('Personal data').isChecked()).toBe(true);
    await tagRange(1, 3, 10, 1);
    await atRecord(5, 10, 4);
    // Back to the third record with ←: its tag shows pressed; → returns to the fifth.
    await page.keyboard.press('ArrowLeft');
    await atRecord(4, 10, 4);
    await page.keyboard.press('ArrowLeft');
    await atRecord(3, 10, 4);
    expect(await page.getByRole('button', { name: 'Human' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await screenshot(page, 'spot-03-record-1280');
    await tagRange(4, 9, 10, 4);
    await finishWithKeyboard(10);
    await screenshot(page, 'spot-04-result-1280');
  }, 120_000);

  it('runs a second spot-check at 390 px, resuming at the first untagged record after a reload', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await startWithKeyboard(10);
    await fitsWidth();
    await tagRange(0, 3, 10, 0);
    await page.reload();
    await atRecord(5, 10, 4);
    await screenshot(page, 'spot-05-record-390');
    await tagRange(4, 9, 10, 4);
    await finishWithKeyboard(10);
    await fitsWidth();
    await screenshot(page, 'spot-06-result-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  it('words the report’s machine-text evidence as reviewed by a person', async () => {
    await page.goto(`${base()}/assessments/${assessmentId}`);
    const items = page.locator('[data-testid="spot-check-item"]');
    await items.filter({ hasText: 'machine-made' }).nth(1).waitFor();
    const reviewed = page.locator('.badge.evidence-reviewed', {
      hasText: 'Reviewed by a person (spot-check)',
    });
    await reviewed.first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'spot-07-report-reviewed-1280');
    expect(watcher.problems).toEqual([]);
  }, 90_000);
});
