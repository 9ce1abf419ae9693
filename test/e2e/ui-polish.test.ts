/**
 * The staff report of an image assessment in a real browser at 1280 and 390 px: the maturity
 * chart's dimension names never overlap (boxes of the text chart.js draws), the table of images
 * declared AI-made stacks into cards on a phone so Detail reads in full, and the reference and
 * spot-check panels speak of images (no "records", no spot-check to start). Screenshots go to
 * the system temp folder, under shots-uipolish.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  launchChromium,
  PageWatcher,
  type RunningPortal,
  startPortal,
  stopPortal,
} from './portal-harness';
import { signIn } from './portal-steps';
import { type DrawnText, imageAssessment, overlaps, recordCanvasText } from './ui-polish-setup';

const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the UI polish suite: Chromium is missing.');

const shots = join(tmpdir(), 'shots-uipolish');
const widths = [1280, 390] as const;

describe.skipIf(!ready)('report polish for an image assessment (Chromium)', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let assessmentId = '';
  const base = () => portal?.url ?? '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-polish-'));
    await mkdir(shots, { recursive: true });
    portal = await startPortal(join(dataDir, 'portal'));
    assessmentId = await imageAssessment(base());
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await recordCanvasText(context);
    page = watcher.watch(await context.newPage(), 'governance');
    page.setDefaultTimeout(30_000);
    await signIn(page, base(), 'gail@demo.test', '/governance');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Opens the assessment at `width` px and waits until the report and its panels are in. */
  async function open(width: number) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${base()}/assessments/${assessmentId}`);
    await page.locator('[data-testid="image-evidence"]').waitFor();
    await page.locator('[data-testid="spot-check-images"]').waitFor();
  }

  /** The texts drawn on the maturity chart's canvas in its latest frame. */
  const maturityTexts = () =>
    page.evaluate(
      () =>
        (window as unknown as { drawnText: Record<string, DrawnText[]> }).drawnText[
          'chart-maturity'
        ] ?? [],
    );

  for (const width of widths) {
    it(`draws every maturity dimension name in full, no two overlapping, at ${width} px`, async () => {
      await open(width);
      const figure = page.locator('figure.chart', {
        has: page.locator('canvas[data-chart="chart-maturity"]'),
      });
      const names = await figure.locator('tbody th').allTextContents();
      expect(names).toHaveLength(8);
      // chart.js draws after its chunk loads: wait until every name is on the canvas
      await expect
        .poll(async () => {
          const drawn = (await maturityTexts()).map((t) => t.text).join(' ');
          return names.filter((n) => !drawn.includes(n));
        })
        .toEqual([]);
      const texts = await maturityTexts();
      expect(overlaps(texts)).toEqual([]);
      const canvas = await figure.locator('canvas').evaluate((c) => ({
        w: (c as HTMLCanvasElement).width,
        h: (c as HTMLCanvasElement).height,
      }));
      const clipped = texts.filter(
        (t) => t.left < 0 || t.top < 0 || t.right > canvas.w || t.bottom > canvas.h,
      );
      expect(clipped.map((t) => t.text)).toEqual([]);
      await figure.scrollIntoViewIfNeeded();
      await figure.screenshot({ path: join(shots, `maturity-${width}.png`) });
    }, 60_000);
  }

  it('re-wraps the maturity names when a wide window narrows to a phone', async () => {
    await open(1280);
    await expect.poll(async () => (await maturityTexts()).length).toBeGreaterThan(8);
    await page.setViewportSize({ width: 390, height: 900 });
    await expect
      .poll(async () => {
        const texts = await maturityTexts();
        const canvasWidth = await page
          .locator('canvas[data-chart="chart-maturity"]')
          .evaluate((c) => (c as HTMLCanvasElement).width);
        return texts.length > 8 && texts.every((t) => t.right <= canvasWidth)
          ? overlaps(texts)
          : ['not redrawn yet'];
      })
      .toEqual([]);
  }, 60_000);

  it('keeps the declared-AI table a table at 1280 px and stacks it into cards at 390 px', async () => {
    await open(1280);
    const table = page.locator('[data-testid="image-evidence"]');
    expect(
      await table
        .locator('tbody tr')
        .first()
        .evaluate((r) => getComputedStyle(r).display),
    ).toBe('table-row');
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'File',
      'Evidence',
      'Detail',
    ]);
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: join(shots, 'image-evidence-1280.png') });
    const section = page.locator('[data-testid="image-section"]');
    await section.screenshot({ path: join(shots, 'image-section-1280.png') });

    await open(390);
    const region = page.locator('section.table-scroll', { has: table });
    expect(await region.evaluate((r) => r.scrollWidth - r.clientWidth)).toBeLessThanOrEqual(0);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      ),
    ).toBe(false);
    const detail = table.locator('td[data-label="Detail"]').first();
    await detail.scrollIntoViewIfNeeded();
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
    expect(await detail.innerText()).toMatch(/fishing boats.*Sampler: DPM\+\+ 2M Karras/s);
    const box = await detail.boundingBox();
    const card = await table.locator('tbody tr').first().boundingBox();
    expect(box && card).toBeTruthy();
    if (!box || !card) return;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // Detail has the card's width, not a narrow column's
    expect(box.width).toBeGreaterThan(card.width * 0.8);
    expect(await detail.evaluate((d) => d.scrollWidth - d.clientWidth)).toBeLessThanOrEqual(0);
    await table.screenshot({ path: join(shots, 'image-evidence-390.png') });
    await section.screenshot({ path: join(shots, 'image-section-390.png') });
  }, 60_000);

  it('stacks the risk factors and the claims into cards at 390 px, and keeps them tables at 1280 px', async () => {
    for (const width of widths) {
      await open(width);
      for (const name of ['factors', 'claims']) {
        const table = page.locator(`table.${name}`);
        const row = table.locator('tbody tr').first();
        const display = await row.evaluate((r) => getComputedStyle(r).display);
        if (width === 390) expect(display, `${name} at ${width}`).not.toBe('table-row');
        else expect(display, `${name} at ${width}`).toBe('table-row');
        if (width !== 390) continue;
        const region = page.locator('section.table-scroll', { has: table });
        expect(await region.evaluate((r) => r.scrollWidth - r.clientWidth)).toBeLessThanOrEqual(0);
        // the long text (reason, finding) has the card's width, not a squeezed column's
        const prose = row.locator('td.prose').first();
        const box = await prose.boundingBox();
        const card = await row.boundingBox();
        if (!box || !card) throw new Error(`no box for the ${name} table`);
        expect(box.width).toBeGreaterThan(card.width * 0.8);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        await table.screenshot({ path: join(shots, `${name}-390.png`) });
      }
    }
  }, 60_000);

  for (const width of widths) {
    it(`speaks of images in the reference and spot-check panels, with no spot-check to start, at ${width} px`, async () => {
      await open(width);
      const spot = page.locator('[data-testid="spot-checks"]');
      const refs = page.locator('section[aria-labelledby="reference-heading"]');
      for (const panel of [spot, refs]) {
        // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
        const text = await panel.innerText();
        expect(text).not.toMatch(/\brecords?\b/i);
        expect(text).toMatch(/archive of images/);
      }
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
      expect(await spot.innerText()).toMatch(/reviewed through the report's\s+thumbnails/);
      expect(await spot.getByRole('button').count()).toBe(0);
      expect(await page.getByRole('button', { name: /spot-check/i }).count()).toBe(0);
      expect(await spot.locator('input').count()).toBe(0);
      // nothing to attach: a reference calibrates written text only
      expect(await refs.locator('select').count()).toBe(0);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        ),
      ).toBe(false);
      // the summary's facts (a long vendor e-mail) wrap inside their card
      const overflow = await page
        .locator('dl.facts')
        .first()
        .evaluate((dl) => {
          const card = (dl.closest('.card') as HTMLElement).getBoundingClientRect();
          return [...dl.querySelectorAll('dd')]
            .filter(
              (dd) =>
                dd.scrollWidth > dd.clientWidth + 1 ||
                dd.getBoundingClientRect().right > card.right + 0.5,
            )
            .map((dd) => dd.textContent);
        });
      expect(overflow).toEqual([]);
      await refs.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `panels-${width}.png`) });
      await page.screenshot({ path: join(shots, `assessment-${width}.png`), fullPage: true });
      expect(watcher.problems).toEqual([]);
    }, 60_000);
  }
});
