/**
 * Field mapping in Chromium: a vendor picks the text field of an uploaded sample from the fields
 * detected in the stored file (with examples) at 1280 and 390 px; the stored file is analyzed
 * again without a new upload, and the row then names the field the analyzer read.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  launchChromium,
  type RunningPortal,
  screenshot,
  startPortal,
  stopPortal,
} from './portal-harness';
import { goToStep } from './portal-steps';
import { invite, staffToken } from './vendor-setup';

const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the field-mapping suite: Chromium is missing.');

const words = ['harbor', 'ledger', 'quiet', 'orbit', 'pencil', 'signal', 'meadow', 'copper'];
const phrase = (i: number, k: number) =>
  Array.from({ length: 16 }, (_, j) => words[(i * 3 + j * k + ((i * j) % 5)) % words.length]).join(
    ' ',
  );
/** Pairs of a prompt and an answer: two fields that could each be the text. */
const pairs = Array.from({ length: 60 }, (_, i) =>
  JSON.stringify({
    prompt: `Question ${i}: ${phrase(i, 3)}?`,
    answer: `Answer ${i}: ${phrase(i, 5)}.`,
    topic: i % 2 ? 'billing' : 'shipping',
  }),
).join('\n');

describe.skipIf(!ready)('field mapping in Chromium', () => {
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let proc = '';
  let file = '';
  const base = () => portal?.url ?? '';

  const open = async (link: string, width: number): Promise<Page> => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(link);
    return page;
  };

  beforeAll(async () => {
    if (!existsSync('web/dist/index.html')) {
      const { execFileSync } = await import('node:child_process');
      execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    }
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-mapping-e2e-'));
    file = join(dataDir, 'pairs.jsonl');
    await writeFile(file, pairs);
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    proc = await staffToken(base(), 'pat@demo.test', 'procurement');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  for (const width of [1280, 390]) {
    it(`picks the text field from the detected fields and re-analyzes the stored file at ${width} px`, async () => {
      const { link } = await invite(base(), proc, `Support pairs ${width}`);
      // the steps navigation is a desktop control: reach the step at 1280, then narrow the page
      const page = await open(link, 1280);
      await goToStep(page, 'Sample data');
      await page.setViewportSize({ width, height: 844 });
      await page.locator('#sample-file').setInputFiles(file);
      await page.getByRole('button', { name: 'Upload sample' }).click();
      const row = page.locator('.sample-row[data-status="analyzed"]', { hasText: 'pairs.jsonl' });
      await row.waitFor({ timeout: 60_000 });
      await row.getByRole('button', { name: 'Correct the field mapping' }).click();
      const select = row.getByLabel('Text field');
      await select.waitFor();
      const offered = await select
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(offered).toEqual(['', 'prompt', 'answer', 'topic']);
      await select.selectOption('answer');
      await expect
        .poll(() => row.getByRole('list', { name: 'Examples of answer' }).textContent())
        .toContain('Answer 0:');
      await screenshot(page, `field-mapping-choose-${width}`);
      await row.getByRole('button', { name: 'Analyze again with these fields' }).click();
      await page
        .locator('.sample-row[data-status="analyzed"]', { hasText: 'text answer' })
        .waitFor({ timeout: 60_000 });
      const scroll = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(scroll).toBeLessThanOrEqual(0);
      await screenshot(page, `field-mapping-reanalyzed-${width}`);
      await page.context().close();
    }, 120_000);
  }
});
