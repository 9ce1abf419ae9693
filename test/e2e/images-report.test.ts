/**
 * Image samples in a real browser: the vendor delivers an archive of generated pictures (one PNG
 * carries an image generator's settings, one is a resized copy), and the staff report shows the
 * server-made thumbnails of the declared-AI file and of the copy group, in plain words, without
 * sideways scrolling at 1280 and 390 px and without serious accessibility findings. The sample
 * card (staff) and the upload list (vendor) show the archive's image measures, never the text
 * measures (records, machine-text estimate, personal data).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JARGON } from '../../functions/core/report/plain-words';
import { scene, textChunk, withChunks, zip } from '../unit/images/fixtures';
import { axeViolations, describeFindings, failingImpacts } from './axe';
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
import { goToStep, signIn } from './portal-steps';
import { answerAndSubmit, invite, reportReady, staffToken } from './vendor-setup';

const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the image report suite: Chromium is missing.');

/** snake_case or camelCase words: ids people must never read. */
const internalName = /\b[a-z]+_[a-z0-9_]+\b|\b[a-z]+[A-Z][a-zA-Z]+\b/;

/** The archive: a PNG with A1111 settings, plain scenes, a resized copy of one, a corrupt file. */
async function archive(): Promise<Buffer> {
  const generated = withChunks(await scene(11, 320, 240).png().toBuffer(), [
    textChunk(
      'parameters',
      'a lighthouse at dusk\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 320x240, Model: sd15',
    ),
  ]);
  const original = await scene(12, 320, 240).png().toBuffer();
  const resized = await scene(12, 320, 240).resize(160, 120).png().toBuffer();
  const files = [
    { name: 'pictures/lighthouse-generated.png', data: generated },
    { name: 'pictures/harbour.png', data: original },
    { name: 'pictures/harbour-small.png', data: resized },
  ];
  for (let i = 13; i < 17; i++)
    files.push({
      name: `pictures/scene-${i}.png`,
      data: await scene(i, 320, 240).png().toBuffer(),
    });
  files.push({ name: 'pictures/broken.png', data: Buffer.from('not an image at all') });
  return zip(files);
}

describe.skipIf(!ready)('image samples in the staff report (Chromium)', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let assessmentId = '';
  let vendorToken = '';
  /** The vendor's sample as the API answers it once analyzed. */
  let analyzed: { status: string; summary: { images?: Record<string, number> } | null } | undefined;
  const base = () => portal?.url ?? '';

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-images-'));
    portal = await startPortal(join(dataDir, 'portal'));
    const proc = await staffToken(base(), 'pat@demo.test', 'procurement');
    const a = await invite(base(), proc, 'Harbour pictures v1');
    assessmentId = a.id;
    vendorToken = a.token;
    const body = await archive();
    const res = await fetch(`${base()}/api/vendor/samples`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        fileName: 'pictures.zip',
        role: 'training',
        sizeBytes: body.length,
        contentType: 'application/zip',
      }),
    });
    expect(res.status).toBe(201);
    const target = (await res.json()) as {
      uploadUrl: string;
      uploadHeaders: Record<string, string>;
      sampleId: string;
    };
    const put = await fetch(new URL(target.uploadUrl, base()), {
      method: 'PUT',
      headers: target.uploadHeaders,
      body: new Uint8Array(body),
    });
    expect(put.status).toBe(200);
    for (let i = 0; i < 300; i++) {
      const s = await fetch(`${base()}/api/vendor/samples/${target.sampleId}`, {
        headers: { authorization: `Bearer ${a.token}` },
      });
      analyzed = (await s.json()) as NonNullable<typeof analyzed>;
      if (analyzed.status !== 'awaiting_upload' && analyzed.status !== 'analyzing') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await answerAndSubmit(base(), a.token);
    await reportReady(base(), proc, a.id);
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'procurement')).page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Scrolls each thumbnail into view (they load near the view) and waits until all decoded. */
  async function thumbnailsDecoded(section: ReturnType<Page['locator']>) {
    const figures = section.locator('[data-testid="image-thumb"]');
    const n = await figures.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await figures.nth(i).scrollIntoViewIfNeeded();
    await expect
      .poll(
        () =>
          section
            .locator('[data-testid="image-thumb"] img')
            .evaluateAll(
              (imgs) =>
                imgs.filter(
                  (i) =>
                    (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0,
                ).length,
            ),
        { timeout: 30_000 },
      )
      .toBe(n);
  }

  it('shows thumbnails of the declared-AI file and a grid per copy group', async () => {
    await signIn(page, base(), 'pat@demo.test', '/procurement');
    await page.goto(`${base()}/assessments/${assessmentId}`);
    const section = page.locator('[data-testid="image-section"]');
    await section.waitFor({ timeout: 60_000 });
    const evidence = section.getByRole('list', {
      name: 'Pictures of images declared as made by AI',
    });
    expect(await evidence.locator('figcaption').allTextContents()).toEqual([
      'pictures/lighthouse-generated.png',
    ]);
    const cluster = section.locator('[data-testid="image-cluster"]').first();
    expect(await cluster.textContent()).toMatch(/harbour\.png/);
    expect(await cluster.textContent()).toMatch(/harbour-small\.png/);
    expect(await cluster.locator('[data-testid="image-thumb"]').count()).toBe(2);
    await thumbnailsDecoded(section);
    await evidence.locator('img[alt="pictures/lighthouse-generated.png"]').waitFor();
    const sizes = await section
      .locator('img')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(160);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      ),
    ).toBe(false);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'images-01-report-1280');
  }, 120_000);

  it('uses plain words, fits a phone and has no serious accessibility findings', async () => {
    const text = await page.locator('main').innerText();
    expect(text.match(internalName)).toBeNull();
    expect(text.match(JARGON)).toBeNull();
    const findings = (await axeViolations(page)).filter((f) => failingImpacts.includes(f.impact));
    expect(findings, describeFindings('image report', findings)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() =>
        page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        ),
      )
      .toBe(false);
    await page.locator('[data-testid="image-section"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'images-02-report-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(watcher.problems).toEqual([]);
  }, 120_000);

  /** True when the page scrolls sideways. */
  const overflows = (p: Page) =>
    p.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  it('shows the image measures on the sample card, never the text measures', async () => {
    expect(analyzed?.status).toBe('analyzed');
    expect(analyzed?.summary?.images).toMatchObject({ decoded: 7, undecodable: 1, evidenced: 1 });
    await page.goto(`${base()}/assessments/${assessmentId}`);
    const card = page.locator('[data-testid="report-sample"]');
    const measures = card.locator('[data-testid="sample-measures"]');
    await measures.waitFor({ timeout: 60_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
    const shown = await measures.innerText();
    expect(shown).toMatch(/Images found\s+8/);
    expect(shown).toMatch(/Images decoded\s+7/);
    expect(shown).toMatch(/Images that could not be read\s+1/);
    expect(shown).toMatch(/Near copies \(resized, grey or mirrored\)\s+14\.3 %/);
    expect(shown).toMatch(
      /Declared AI-made in their own files\s+at least 14\.2 % \(1 of 7 images\)/,
    );
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
    const all = await card.innerText();
    expect(all).not.toMatch(
      /\bRecords?\b|Machine-made \(estimate\)|machine-text|personal data|recorded source|copied records/i,
    );
    expect(all.match(internalName)).toBeNull();
    expect(all.match(JARGON)).toBeNull();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(screenshotDir, 'images-03-sample-card-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => overflows(page)).toBe(false);
    await card.screenshot({ path: join(screenshotDir, 'images-04-sample-card-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(watcher.problems).toEqual([]);
  }, 120_000);

  it("shows the image measures in the vendor's upload list, with no field mapping", async () => {
    if (!browser) throw new Error('no browser');
    const { context, page: vendor } = await openPerson(browser, watcher, 'vendor-images');
    await vendor.goto(`${base()}/vendor#token=${encodeURIComponent(vendorToken)}`);
    await goToStep(vendor, 'Sample data');
    const row = vendor.locator('.sample-row', { hasText: 'pictures.zip' });
    const summary = row.locator('[data-testid="sample-summary"]');
    await summary.waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
    const shown = await summary.innerText();
    expect(shown).toMatch(/Images found\s+8/);
    expect(shown).toMatch(/Declared AI-made in their own files\s+at least 14\.2 %/);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
    const all = await row.innerText();
    expect(all).not.toMatch(
      /\bRecords?\b|machine-generated|Fields the analyzer used|field mapping/i,
    );
    expect(all.match(internalName)).toBeNull();
    await screenshot(vendor, 'images-05-vendor-1280');
    await vendor.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => overflows(vendor)).toBe(false);
    await row.scrollIntoViewIfNeeded();
    await screenshot(vendor, 'images-06-vendor-390');
    await context.close();
    expect(watcher.problems).toEqual([]);
  }, 120_000);
});
