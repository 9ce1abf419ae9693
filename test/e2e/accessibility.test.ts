/**
 * Every page of the app through axe-core in Chromium, at 1280 and 390 px: no serious or critical
 * violation anywhere, nothing scrolls sideways at 390 px (a 120-character unbroken dataset name
 * included), and the vendor page loads no chart code. Prints each page's findings when it fails
 * and a per-page count table either way; saves screenshots as `a11y-<page>-<width>.png`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeFinding, axeViolations, describeFindings, nodeCount } from './axe';
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
import { invite, staffToken } from './vendor-setup';

const ready = existsSync(chromiumPath) && existsSync(humanPath) && existsSync(machinePath);
if (!ready)
  console.warn('[e2e] SKIPPED the accessibility suite: Chromium or ../shared/data is missing.');

/** A dataset name with no break opportunity, as a careless export might name it. */
const longName = `Dataset_${'x'.repeat(104)}_v1.jsonl`.slice(0, 120);
const widths = [1280, 390] as const;
/** An error message of chart.js that survives minification: present only in the chart code. */
const chartCode = "can't acquire context from the given item";

/** Collects the text of every script the page loads. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') scripts.push(await r.text().catch(() => ''));
  });
  return scripts;
}

describe.skipIf(!ready)('accessibility of every page (axe-core, Chromium)', () => {
  const watcher = new PageWatcher();
  const counts: { page: string; width: number; rules: number; nodes: number }[] = [];
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let reportId = '';
  let spotCheckId = '';
  let cancelledLink = '';
  let openLink = '';
  let submittedToken = '';
  const base = () => portal?.url ?? '';

  async function api<T>(method: string, path: string, token: string, body?: unknown) {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /**
   * Checks the page at both widths: axe findings (serious and critical), no sideways scroll at
   * 390 px, and a screenshot each. Returns the findings text of every width that had any.
   */
  async function check(page: Page, name: string, settle: () => Promise<unknown>) {
    const failures: string[] = [];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await settle();
      const findings: AxeFinding[] = await axeViolations(page);
      counts.push({ page: name, width, rules: findings.length, nodes: nodeCount(findings) });
      if (findings.length) failures.push(describeFindings(`${name} at ${width} px`, findings));
      if (width === 390) {
        // the layout settles a frame after the resize: poll rather than race it
        const wide = await expect
          .poll(() => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0))
          .toBeLessThanOrEqual(390)
          .then(
            () => 0,
            () => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0),
          );
        if (wide) failures.push(`${name} scrolls sideways at 390 px: ${wide} px wide`);
      }
      await screenshot(page, `a11y-${name}-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    return failures;
  }

  const heading =
    (page: Page, name: string | RegExp, level = 1) =>
    () =>
      page.getByRole('heading', { name, level }).first().waitFor();
  const noLoading = (page: Page) => page.locator('.loading').first().waitFor({ state: 'detached' });

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-a11y-e2e-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    const proc = await staffToken(base(), 'pat@demo.test', 'procurement');
    const { samplePath } = await splitMachineFile(dataDir);
    const withReport = await assessmentWithSample(base(), samplePath, longName);
    reportId = withReport.id;
    const spot = await api<{ spotCheckId: string }>(
      'POST',
      `/api/assessments/${reportId}/spot-checks`,
      withReport.gov,
      { size: 10 },
    );
    spotCheckId = spot.spotCheckId;
    const open = await invite(base(), proc, 'Open questionnaire');
    openLink = open.link;
    const cancelled = await invite(base(), proc, 'Cancelled questionnaire');
    cancelledLink = cancelled.link;
    const current = await api<{ version: number }>('GET', `/api/assessments/${cancelled.id}`, proc);
    await api('POST', `/api/assessments/${cancelled.id}/cancel`, proc, {
      reason: 'The project was stopped.',
      version: current.version,
    });
    submittedToken = withReport.vendor;
  }, 240_000);

  afterAll(async () => {
    console.log(
      `axe serious+critical per page (rules/elements):\n${counts
        .map(
          (c) => `  ${c.page.padEnd(24)} ${String(c.width).padStart(4)} px  ${c.rules}/${c.nodes}`,
        )
        .join('\n')}`,
    );
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('sign-in and procurement pages have no serious or critical violation', async () => {
    if (!browser) throw new Error('no browser');
    const { page } = await openPerson(browser, watcher, 'procurement');
    const failures: string[] = [];
    await page.goto(`${base()}/signin`);
    failures.push(...(await check(page, 'sign-in', heading(page, 'Sign in to Diligence'))));
    await signIn(page, base(), 'pat@demo.test', '/procurement');
    const list = async () => {
      await heading(page, 'Assessments')();
      await page.locator('table tbody tr').first().waitFor();
    };
    failures.push(...(await check(page, 'procurement-list', list)));
    // A count card is a button that lists what it counts; pressed again, it lists everything.
    const overdue = page.getByRole('button', { name: /overdue/ });
    const total = await page.locator('table.assessments tbody tr').count();
    await overdue.click();
    await expect.poll(() => page.url()).toContain('show=overdue');
    expect(await overdue.getAttribute('aria-pressed')).toBe('true');
    const overdueCount = Number(await page.getByTestId('count-overdue').textContent());
    await expect.poll(() => page.locator('table.assessments tbody tr').count()).toBe(overdueCount);
    await overdue.click();
    await expect.poll(() => page.locator('table.assessments tbody tr').count()).toBe(total);
    // At phone width every row is a card: no sideways scroll box around the list.
    await page.setViewportSize({ width: 390, height: 900 });
    await expect
      .poll(() =>
        page
          .locator('table.assessments tbody tr')
          .first()
          .evaluate((tr) => getComputedStyle(tr).display),
      )
      .toBe('flex');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('heading', { name: 'New assessment' }).scrollIntoViewIfNeeded();
    failures.push(...(await check(page, 'create-form', list)));
    const staffScripts = scriptsOf(page);
    await page.goto(`${base()}/assessments/${reportId}`);
    await page.locator('canvas[data-chart]').first().waitFor();
    // the report draws charts: the chart chunk reached the browser (the control of the vendor check)
    await expect.poll(() => staffScripts.some((s) => s.includes(chartCode))).toBe(true);
    const report = async () => {
      await page.getByRole('heading', { name: 'Report versions' }).waitFor();
      await noLoading(page);
    };
    failures.push(...(await check(page, 'report', report)));
    await page.goto(`${base()}/portfolio`);
    failures.push(
      ...(await check(page, 'portfolio', async () => {
        await heading(page, 'Portfolio')();
        await noLoading(page);
      })),
    );
    await page.goto(`${base()}/outbox`);
    failures.push(
      ...(await check(page, 'outbox', async () => {
        await heading(page, 'Outbox')();
        await noLoading(page);
      })),
    );
    // The staff header links the API reference; it opens outside the app.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'API reference' })
      .click();
    await page.waitForURL(`${base()}/api/docs`);
    // Swagger UI renders some 70 operations: allow a slow, shared machine its time
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 180_000);

  it('governance pages have no serious or critical violation', async () => {
    if (!browser) throw new Error('no browser');
    const { page } = await openPerson(browser, watcher, 'governance');
    const failures: string[] = [];
    await signIn(page, base(), 'gail@demo.test', '/governance');
    const pages: [string, string, string][] = [
      ['governance-queue', '/governance', 'Review queue'],
      ['policy', '/policy', 'Scoring policy'],
      ['references', '/references', 'Reference samples'],
      ['fingerprints', '/fingerprints', 'Fingerprint packs'],
    ];
    await page.setViewportSize({ width: 390, height: 900 });
    await expect
      .poll(() =>
        page
          .locator('table.queue tbody tr')
          .first()
          .evaluate((tr) => getComputedStyle(tr).display),
      )
      .toBe('flex');
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [name, path, title] of pages) {
      await page.goto(`${base()}${path}`);
      failures.push(
        ...(await check(page, name, async () => {
          await heading(page, title)();
          await noLoading(page);
        })),
      );
    }
    await page.goto(`${base()}/assessments/${reportId}`);
    failures.push(
      ...(await check(page, 'assessment-governance', async () => {
        await page.getByRole('heading', { name: 'Reviewer spot-check', level: 2 }).waitFor();
        await noLoading(page);
      })),
    );
    await page.goto(`${base()}/assessments/${reportId}/spot-checks/${spotCheckId}`);
    failures.push(
      ...(await check(page, 'spot-check', async () => {
        await page.locator('[data-testid="spot-text"]').waitFor();
      })),
    );
    await page.goto(`${base()}/no-such-page`);
    failures.push(...(await check(page, 'not-found', heading(page, 'Page not found'))));
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 180_000);

  it('the vendor page in each state has no serious or critical violation and loads no chart code', async () => {
    if (!browser) throw new Error('no browser');
    const failures: string[] = [];
    const loaded: string[][] = [];
    const states: [string, string, () => (page: Page) => Promise<unknown>][] = [
      ['vendor-no-link', `${base()}/vendor`, () => (p) => p.getByTestId('link-missing').waitFor()],
      [
        'vendor-open',
        openLink,
        () => (p) => p.locator('nav[aria-label="Questionnaire steps"]').waitFor(),
      ],
      ['vendor-cancelled', cancelledLink, () => (p) => p.getByTestId('link-cancelled').waitFor()],
    ];
    for (const [name, url, ready] of states) {
      const { context, page } = await openPerson(browser, watcher, name);
      loaded.push(scriptsOf(page));
      if (name === 'vendor-cancelled') watcher.allow('/api/vendor/assessment', 401);
      await page.goto(url);
      failures.push(...(await check(page, name, () => ready()(page))));
      watcher.clearAllowed();
      await context.close();
    }
    // The submitted state: the vendor's own token, set as the link does.
    const { context, page } = await openPerson(browser, watcher, 'vendor-submitted');
    loaded.push(scriptsOf(page));
    await page.goto(`${base()}/vendor#token=${encodeURIComponent(submittedToken)}`);
    failures.push(
      ...(await check(page, 'vendor-submitted', async () => {
        await page.locator('main h1').waitFor();
        await noLoading(page);
      })),
    );
    await context.close();
    expect(failures, failures.join('\n\n')).toEqual([]);
    const scripts = loaded.flat();
    expect(scripts.length).toBeGreaterThan(0);
    // none of the chart library reached the vendor's browser
    expect(scripts.filter((s) => s.includes(chartCode))).toEqual([]);
  }, 180_000);

  it('the API reference has no serious or critical violation', async () => {
    if (!browser) throw new Error('no browser');
    const { page } = await openPerson(browser, watcher, 'api-docs');
    await page.goto(`${base()}/api/docs`);
    const failures = await check(page, 'api-reference', () =>
      page.locator('.opblock').first().waitFor({ timeout: 60_000 }),
    );
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 90_000);

  it('logged no console errors, page errors or dialogs', () => {
    expect(watcher.problems).toEqual([]);
  });
});
