/**
 * Big samples in Chromium (multipart threshold lowered to 5 MiB): the file goes up in parts with
 * progress; a part that keeps failing stops the upload with a clear message and a Resume button
 * that sends only the missing parts; after a reload, choosing the same file resumes (another file
 * is refused). At 1280 and 390 px.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigJsonl, MiB, multipartEnv } from '../api/multipart-helpers';
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
if (!ready) console.warn('[e2e] SKIPPED the multipart suite: Chromium is missing.');

const isPart = (n: number) => (url: URL) =>
  url.pathname.startsWith('/_s3/') && url.searchParams.get('partNumber') === String(n);

describe.skipIf(!ready)('big sample uploads in Chromium', () => {
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let proc = '';
  let filePath = '';
  let otherPath = '';
  const file = bigJsonl(12);
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
    // Narrow screens fold the steps behind a "Step n of m" button.
    if (width < 600) await page.getByRole('button', { name: /Step \d+ of/ }).click();
    await goToStep(page, 'Sample data');
    return page;
  };
  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  beforeAll(async () => {
    if (!existsSync('web/dist/index.html')) {
      const { execFileSync } = await import('node:child_process');
      execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    }
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-multipart-e2e-'));
    filePath = join(dataDir, 'big-sample.jsonl');
    otherPath = join(dataDir, 'other-sample.jsonl');
    await writeFile(filePath, file);
    await writeFile(otherPath, bigJsonl(6, 99));
    portal = await startPortal(join(dataDir, 'portal'), multipartEnv);
    browser = await launchChromium();
    proc = await staffToken(base(), 'pat@demo.test', 'procurement');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('uploads in parts; a failing part stops with a message; Resume sends only the rest', async () => {
    const { link } = await invite(base(), proc, 'Big corpus');
    const page = await open(link, 1280);
    const sent: number[] = [];
    page.on('requestfinished', (req) => {
      const url = new URL(req.url());
      if (url.pathname.startsWith('/_s3/')) sent.push(Number(url.searchParams.get('partNumber')));
    });
    // Part 2 cannot get through (every attempt is cut): the upload must stop, not hang.
    const partTwo = isPart(2);
    await page.route(partTwo, (route) => route.abort('connectionreset'));
    await page.locator('#sample-file').setInputFiles(filePath);
    await page.getByRole('button', { name: 'Upload sample' }).click();
    const banner = page.getByText(/Part 2 of 3 could not be sent/);
    await banner.waitFor();
    const row = page.locator('.sample-row', { hasText: 'big-sample.jsonl' });
    await row.getByTestId('resume-upload').waitFor();
    await screenshot(page, 'multipart-interrupted-1280');
    expect(sent.sort()).toEqual([1, 3]);
    await page.unroute(partTwo);
    await row.getByRole('button', { name: 'Resume upload' }).click();
    await page.locator('.sample-row[data-status="analyzed"]').waitFor({ timeout: 90_000 });
    // Parts 1 and 3 were listed as already stored and not sent again.
    expect(sent.sort()).toEqual([1, 2, 3]);
    await expect(page.getByTestId('resume-upload').count()).resolves.toBe(0);
    await screenshot(page, 'multipart-analyzed-1280');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.context().close();
  }, 180_000);

  it('resumes after a reload when the same file is chosen, and refuses another file (390 px)', async () => {
    const { link, token } = await invite(base(), proc, 'Big corpus, resumed');
    // A visit that sent part 1 and then was closed.
    const reg = await fetch(`${base()}/api/vendor/samples`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        fileName: 'big-sample.jsonl',
        role: 'training',
        sizeBytes: file.length,
        contentType: 'application/jsonl',
      }),
    }).then((r) => r.json() as Promise<{ sampleId: string }>);
    const urls = await fetch(`${base()}/api/vendor/samples/${reg.sampleId}/parts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ partNumbers: [1] }),
    }).then((r) => r.json() as Promise<{ parts: { url: string }[] }>);
    const put = await fetch(urls.parts[0]?.url ?? '', {
      method: 'PUT',
      body: new Uint8Array(file.subarray(0, 5 * MiB)),
    });
    expect(put.status).toBe(200);

    const page = await open(link, 390);
    const row = page.locator('.sample-row', { hasText: 'big-sample.jsonl' });
    const resume = row.getByTestId('resume-upload');
    await resume.waitFor();
    await resume.locator('input[type="file"]').setInputFiles(otherPath);
    await row.getByText(/Choose the same file/).waitFor();
    expect(await row.getByRole('button', { name: 'Resume upload' }).isDisabled()).toBe(true);
    await screenshot(page, 'multipart-resume-390');
    expect(await noSidewaysScroll(page)).toBe(true);
    const sent: number[] = [];
    page.on('requestfinished', (req) => {
      const url = new URL(req.url());
      if (url.pathname.startsWith('/_s3/')) sent.push(Number(url.searchParams.get('partNumber')));
    });
    await resume.locator('input[type="file"]').setInputFiles(filePath);
    await row.getByRole('button', { name: 'Resume upload' }).click();
    await page.locator('.sample-row[data-status="analyzed"]').waitFor({ timeout: 90_000 });
    expect(sent.sort()).toEqual([2, 3]);
    await screenshot(page, 'multipart-analyzed-390');
    await page.context().close();
  }, 180_000);
});
