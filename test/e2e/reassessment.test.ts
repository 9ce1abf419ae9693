/**
 * The re-assessment schedule in Chromium: the admin sets it in the policy page (every tier, propose
 * first), governance approves a dataset, the portal's dev clock moves past the due date, the
 * portal's own sweep (every second with a short lease) proposes the re-assessment, and procurement
 * sees it due in the portfolio and starts it. Screenshots at 1280 and 390 px go to
 * test-results/screenshots (reassessment-*).
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
import { call, until } from './spot-check-setup';
import { answerAndSubmit, decide, invite, staffToken } from './vendor-setup';

/** snake_case or camelCase words: ids people must never read. */
const internalName = /\b[a-z]+_[a-z0-9_]+\b|\b[a-z]+[A-Z][a-zA-Z]+\b/;
const DATASET = 'Scheduled support tickets';
const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the re-assessment schedule suite: Chromium is missing.');

describe.skipIf(!ready)('the re-assessment schedule in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let approved = '';
  let admin = '';
  const base = () => portal?.url ?? '';

  /** Screenshots at both widths, back at 1280 after; nothing scrolls sideways at 390 px. */
  async function capture(name: string) {
    await screenshot(page, `reassessment-${name}-1280`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0), {
        message: `${name} scrolls sideways at 390 px`,
      })
      .toBeLessThanOrEqual(390);
    await screenshot(page, `reassessment-${name}-390`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-reassessment-'));
    // a short lease makes the portal's sweeps (the due job among them) run every second
    portal = await startPortal(dataDir, { ANALYSIS_LEASE_SECONDS: '2' });
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'staff')).page;
    const proc = await staffToken(base(), 'pat@demo.test', 'procurement');
    const gov = await staffToken(base(), 'gail@demo.test', 'governance');
    admin = await staffToken(base(), 'ada@demo.test', 'admin');
    const a = await invite(base(), proc, DATASET);
    await answerAndSubmit(base(), a.token);
    await decide(base(), gov, a.id, 'approve');
    approved = a.id;
  }, 240_000);

  afterAll(async () => {
    if (admin) await call(base(), 'PUT', '/api/dev/clock', admin, { offsetDays: 0 });
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('sets the schedule in the policy page, refusing a bad cadence with its reason', async () => {
    await signIn(page, base(), 'ada@demo.test', '/portfolio');
    await page.goto(`${base()}/policy`);
    const section = page.getByTestId('reassessment-schedule');
    await section.getByRole('heading', { name: 'Re-assessment schedule' }).waitFor();
    await section.getByLabel('Critical risk: every … days').fill('0');
    await section.getByRole('button', { name: /^Save the schedule/ }).click();
    await section.getByText('Enter whole days from 1 to 1095').first().waitFor();
    await section.getByText('Say why the schedule changes').waitFor();
    for (const tier of ['Critical', 'High', 'Moderate', 'Low'])
      await section.getByLabel(`${tier} risk: every … days`).fill('30');
    await section.getByRole('radio', { name: /Propose each one to procurement first/ }).check();
    await section
      .getByLabel(/^Why the schedule changes/)
      .fill('Monthly re-assessment while piloting.');
    await capture('01-policy-schedule');
    await section.getByRole('button', { name: /^Save the schedule/ }).click();
    await section.getByText(/^Saved as version \d+\.$/).waitFor();
    const stored = await call<{ policy: { reassessment: unknown } }>(
      base(),
      'GET',
      '/api/policy',
      admin,
    );
    expect(stored.policy.reassessment).toEqual({
      cadenceDays: { low: 30, moderate: 30, high: 30, critical: 30 },
      mode: 'propose',
    });
    const text = await section.innerText();
    expect(text.match(internalName)?.[0]).toBeUndefined();
  }, 120_000);

  it('lists the proposal as overdue once the clock passes the due date, and starts it', async () => {
    await call(base(), 'PUT', '/api/dev/clock', admin, { offsetDays: 33 });
    // the portal's sweep (not the test) proposes it
    await until(
      () =>
        call<{ items: { assessmentId: string; state: string }[] }>(
          base(),
          'GET',
          '/api/portfolio/due',
          admin,
        ),
      (r) => r.items.some((i) => i.assessmentId === approved && i.state === 'proposed'),
      'the scheduled proposal',
    );
    await signIn(page, base(), 'pat@demo.test', '/procurement');
    await page.goto(`${base()}/portfolio`);
    const panel = page.getByTestId('portfolio-due');
    const row = panel.getByTestId('due-row').filter({ hasText: DATASET });
    await row.getByText(/^Overdue by 3 days/).waitFor();
    await row.getByText('Proposed: waiting for procurement to start it.').waitFor();
    await capture('02-portfolio-due');
    const text = await panel.innerText();
    expect(text.match(internalName)?.[0]).toBeUndefined();
    await row.getByRole('button', { name: 'Start re-assessment' }).click();
    await panel.getByText(`Started the re-assessment of ${DATASET}`).waitFor();
    const link = row.getByRole('link', { name: 'Open the re-assessment' });
    await link.waitFor();
    await row.getByText('Invited').waitFor();
    expect(await row.getByRole('button', { name: 'Start re-assessment' }).count()).toBe(0);
    await capture('03-portfolio-started');
    await link.click();
    await page.waitForURL(/\/assessments\/[a-z0-9]{26}$/);
    expect(page.url()).not.toContain(approved);
    expect(watcher.problems).toEqual([]);
  }, 120_000);
});
