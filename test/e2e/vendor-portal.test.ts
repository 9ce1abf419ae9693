/**
 * The vendor pages in Chromium against a fresh local portal: no answer is lost when one is
 * invalid (and leaving warns), samples can be replaced and deleted and the report names them,
 * errors use the questions' words, a PDF is refused with the supported types listed, and every
 * vendor page at 1280 and 390 px shows no internal name and no sideways scroll.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
import { goToStep, waitSaved } from './portal-steps';
import { answerAndSubmit, decide, invite, reissue, report, staffToken } from './vendor-setup';

const humanPath = resolve('../shared/data/selfinstruct_user_tasks_human.jsonl');
const seedPath = resolve('../shared/data/alpaca_seed_tasks.jsonl');
const ready = existsSync(chromiumPath) && existsSync(humanPath) && existsSync(seedPath);
const distReady = existsSync('web/dist/index.html');
if (!ready) console.warn('[e2e] SKIPPED the vendor suite: Chromium or ../shared/data is missing.');

/** Visible text that looks like an internal id (snake_case or camelCase), minus allowed words. */
async function internalNames(page: Page, allowed: string[] = []): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees (no hidden text)
  const text = await page.evaluate(() => document.body.innerText);
  // Citations may name a cited standard's own property (`rai:dataUseCases`): that is its word.
  const cleaned = allowed
    .reduce((t, a) => t.split(a).join(' '), text)
    .replace(/\b[a-z]+:[A-Za-z_]+/g, ' ');
  const words = cleaned.match(/\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+[A-Z][a-zA-Z]*\b/g) ?? [];
  return [...new Set(words)];
}

describe.skipIf(!ready)('vendor pages in Chromium', () => {
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let proc = '';
  let gov = '';
  const base = () => portal?.url ?? '';
  const files = [humanPath, seedPath].map((p) => p.split('/').at(-1) ?? '');

  const open = async (link: string, width = 1280): Promise<Page> => {
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
    if (!distReady) {
      const { execFileSync } = await import('node:child_process');
      execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    }
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-vendor-e2e-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    proc = await staffToken(base(), 'pat@demo.test', 'procurement');
    gov = await staffToken(base(), 'gail@demo.test', 'governance');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('keeps every valid answer when one is invalid, shows its error in the question’s words, and warns before leaving', async () => {
    const { link } = await invite(base(), proc, 'Support dialogues');
    const page = await open(link);
    await page.getByRole('heading', { name: 'Support dialogues', level: 1 }).waitFor();
    // The dataset name procurement gave is filled in, not retyped.
    expect(await page.locator('#q-dataset_name').inputValue()).toBe('Support dialogues');
    await page.getByText(/asks Northwind Data to answer/).waitFor();

    await goToStep(page, 'Dataset identity');
    await page.locator('#q-dataset_version').fill('v3');
    await goToStep(page, 'Sources and provenance');
    await page.locator('#q-origin_human_percent').fill('70');
    await page.locator('#q-origin_public_web_percent').fill('50');
    const sumError = page.locator('#q-origin_public_web_percent-error');
    await sumError.waitFor();
    const message = (await sumError.textContent()) ?? '';
    expect(message).toContain('“Share of records collected from the public web” (50 %)');
    expect(message).not.toMatch(/origin_|_percent/);
    expect(await page.locator('[data-save-state]').textContent()).toContain('Not saved');
    await screenshot(page, 'vendor-01-invalid-answer-1280');

    // Leaving now warns; accepting the warning reloads: the valid answers are all there.
    const dialog = page.waitForEvent('dialog');
    const reloaded = page.reload();
    const warning = await dialog;
    expect(warning.type()).toBe('beforeunload');
    await warning.accept();
    await reloaded;
    await goToStep(page, 'Sources and provenance');
    expect(await page.locator('#q-origin_human_percent').inputValue()).toBe('70');
    expect(await page.locator('#q-origin_public_web_percent').inputValue()).toBe('');
    await goToStep(page, 'Dataset identity');
    expect(await page.locator('#q-dataset_version').inputValue()).toBe('v3');
    expect(await page.locator('#q-dataset_name').inputValue()).toBe('Support dialogues');

    // "Unknown" keeps what was typed and gives it back when unticked.
    await page.locator('#q-dataset_version-unknown').check();
    await page.getByText('Unknown answers add risk to the score').waitFor();
    await page.locator('#q-dataset_version-unknown').uncheck();
    expect(await page.locator('#q-dataset_version').inputValue()).toBe('v3');
    await waitSaved(page);
    expect(await internalNames(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('replaces and deletes samples, shows which one counts, and the report names its file', async () => {
    const { id, link } = await invite(base(), proc, 'Instruction tasks');
    const page = await open(link);
    await goToStep(page, 'Sample data');
    // how to check a file with the CLI first (web/src/pages/vendor/cli-link.tsx), closed by default
    await page.getByText('Check a file on your computer before uploading it').click();
    await page.getByTestId('cli-link').getByText('npx diligence analyze your-file.jsonl').waitFor();

    const pdf = join(dataDir, 'specification.pdf');
    await writeFile(pdf, '%PDF-1.4 not a dataset');
    await page.locator('#sample-file').setInputFiles(pdf);
    await page.getByText('This file type is not supported').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(
      /CSV \(\.csv\), JSON Lines \(\.jsonl, \.ndjson\), a JSON array \(\.json\) or plain text/,
    );

    await page.locator('#sample-file').setInputFiles(humanPath);
    await page.getByRole('button', { name: 'Upload sample' }).click();
    const analyzed = (name: string) =>
      page
        .locator('.sample-row[data-status="analyzed"]', { hasText: name })
        .waitFor({ timeout: 90_000 });
    await analyzed(files[0] ?? '');
    await page.getByTestId('counts-badge').waitFor();

    await page.locator('#sample-file').setInputFiles(seedPath);
    await page.getByTestId('replaces-note').waitFor();
    await page.getByRole('button', { name: 'Upload and replace' }).click();
    await analyzed(files[1] ?? '');
    expect(await page.locator('.sample-row').count()).toBe(1);
    await screenshot(page, 'vendor-02-samples-1280');

    const named = await report<{
      samples: { file: { fileName: string; records: number; sha256: string } }[];
    }>(base(), gov, id);
    expect(named.samples.map((s) => s.file.fileName)).toEqual([files[1]]);
    expect(named.samples[0]?.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const shown = await page.locator('.sample-row code.hash').textContent();
    expect(shown).toBe(named.samples[0]?.file.sha256);

    await page.getByRole('button', { name: 'Delete sample' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('No sample uploaded yet').waitFor();
    await goToStep(page, 'Review and submit');
    await page.getByTestId('no-sample-warning').waitFor();
    await page.locator('.answers-review').waitFor();
    expect(await internalNames(page, files)).toEqual([]);
    await screenshot(page, 'vendor-03-review-1280');
    await page.context().close();
  }, 180_000);

  it('fits a 390 px screen: compact steps, no sideways scroll, first question in view', async () => {
    const { link, token } = await invite(base(), proc, 'Mobile check');
    const page = await open(link, 390);
    await page.locator('.question').first().waitFor();
    const top = await page.locator('.question').first().boundingBox();
    expect(top?.y ?? 9999).toBeLessThan(600);
    await screenshot(page, 'vendor-04-questionnaire-390');
    await page.getByRole('button', { name: /Step 1 of/ }).click();
    await goToStep(page, 'Sample data');
    await page.locator('#sample-file').setInputFiles(humanPath);
    await page.getByRole('button', { name: 'Upload sample' }).click();
    await page.locator('.sample-row[data-status="analyzed"]').waitFor({ timeout: 90_000 });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(390);
    await screenshot(page, 'vendor-05-samples-390');
    await page.getByRole('button', { name: /Step \d+ of/ }).click();
    await goToStep(page, 'Review and submit');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, 'vendor-06-review-390');
    await page.context().close();
    expect(token.length).toBeGreaterThan(20);
  }, 180_000);

  it('words each closed or broken link for what it is, at 1280 and 390 px', async () => {
    const submitted = await invite(base(), proc, 'Submitted set');
    await answerAndSubmit(base(), submitted.token);
    const approved = await invite(base(), proc, 'Approved set');
    await answerAndSubmit(base(), approved.token);
    await decide(base(), gov, approved.id, 'approve');
    const revoked = await invite(base(), proc, 'Revoked set');
    await reissue(base(), proc, revoked.id);
    const cases = [
      { name: 'submitted', link: submitted.link, text: /locked while the reviewers decide/ },
      { name: 'approved', link: approved.link, text: /^Approved/ },
      { name: 'revoked', link: revoked.link, text: /This link was revoked/ },
      { name: 'missing', link: `${base()}/vendor`, text: /Open the link from your invitation/ },
    ];
    for (const width of [1280, 390]) {
      for (const c of cases) {
        const page = await open(c.link, width);
        await page.getByText(c.text).first().waitFor();
        if (c.name === 'approved') {
          expect(await page.getByText('locked while the reviewers decide').count()).toBe(0);
          if (width < 800) await page.getByRole('button', { name: /Step \d+ of/ }).click();
          await goToStep(page, 'Review and submit');
          await page.locator('.answers-review').waitFor();
        }
        expect(await internalNames(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width,
        );
        await screenshot(page, `vendor-07-${c.name}-${width}`);
        await page.context().close();
      }
    }
  }, 180_000);
});
