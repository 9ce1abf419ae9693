/**
 * The governance path in Chromium at 1280 and 390 px: the queue keeps its filters in the URL
 * (reload, back), the summary-and-decide panel is on the first screen, deciding offers the next
 * assessment of the same filtered queue, and saving a policy shows what changes and asks why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from '../api/answers';
import {
  chromiumPath,
  launchChromium,
  openPerson,
  PageWatcher,
  type RunningPortal,
  startPortal,
  stopPortal,
} from './portal-harness';
import { signIn } from './portal-steps';

const shots = join('test-results', 'screenshots-governance');
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

describe.skipIf(!existsSync(chromiumPath))('governance path in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const base = () => portal?.url ?? '';

  const api = async <T>(method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await res.json()) as T;
  };
  const session = async (email: string, role: string) =>
    (
      await (
        await fetch(`${base()}/api/dev/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, role, organizationId: 'demo' }),
        })
      ).json()
    ).token as string;

  /** A submitted assessment of `vendor`'s "Dialogues" (same answers, no sample). */
  async function submitted(vendor: string) {
    const proc = await session('pat@demo.test', 'procurement');
    const a = await api<{ id: string }>('POST', '/api/assessments', proc, {
      vendor: { name: vendor, contactEmail: 'data@vendor.test' },
      dataset: { name: 'Dialogues', intendedUse: 'fine-tuning' },
      templateId: 'ai-training-data',
      dueAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    });
    const inv = await api<{ token: string }>('POST', `/api/assessments/${a.id}/invitations`, proc);
    await api('PUT', '/api/vendor/answers', inv.token, { answers: completeAnswers() });
    await api('POST', '/api/vendor/submit', inv.token);
    return a.id;
  }

  async function capture(name: string) {
    await mkdir(shots, { recursive: true });
    const size = page.viewportSize() ?? desktop;
    for (const v of [desktop, phone]) {
      await page.setViewportSize(v);
      await page.screenshot({ path: join(shots, `${name}-${v.width}.png`), fullPage: true });
    }
    await page.setViewportSize(size);
  }

  /** The element lies within the first screen (no scrolling needed to reach it). */
  async function onFirstScreen(selector: string, where: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator(selector).first().boundingBox();
    const height = page.viewportSize()?.height ?? 0;
    expect(box, `${where}: ${selector} is not rendered`).not.toBeNull();
    // A control must be wholly visible; a panel must start on the first screen.
    const top = box?.y ?? Number.POSITIVE_INFINITY;
    const edge = selector.startsWith('#') ? top + (box?.height ?? 0) : top;
    expect(edge, `${where}: ${selector} below the fold`).toBeLessThan(height);
  }

  /** The assessment ids of the queue's rows, top to bottom. */
  const queueIds = async () =>
    (await page
      .locator('table.queue tbody th a')
      .evaluateAll((links) =>
        links.map((l) => (l.getAttribute('href') ?? '').split('/').pop()?.split('?')[0] ?? ''),
      )) as string[];

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-governance-e2e-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'governance')).page;
    // Two assessments of the same vendor and dataset (told apart in the policy preview).
    for (const vendor of ['Path Twin', 'Path Twin', 'Path Solo', 'Other Vendor'])
      await submitted(vendor);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('keeps queue filters in the URL, decides from the first screen and goes to the next in queue', async () => {
    await page.setViewportSize(desktop);
    await signIn(page, base(), 'gail@demo.test', '/governance');
    await page.getByLabel('Search vendor or dataset').fill('path');
    await page.waitForURL(`${base()}/governance?q=path`);
    await page.reload();
    expect(await page.getByLabel('Search vendor or dataset').inputValue()).toBe('path');
    await page.locator('table.queue tbody tr').nth(2).waitFor();
    const order = await queueIds();
    expect(order).toHaveLength(3);
    await capture('governance-queue-filtered');

    // Desktop: open the top of the filtered queue, decide from the panel.
    await page.locator('table.queue tbody th a').first().click();
    await page.waitForURL(`${base()}/assessments/${order[0]}?q=path`);
    await page.getByTestId('decide-lines').waitFor();
    await onFirstScreen('[data-testid="decide-panel"]', '1280 px');
    for (const control of ['#decision-approve', '#decision-reject', '#decision-comment'])
      await onFirstScreen(control, '1280 px');
    await capture('governance-decide-panel');
    await page.getByLabel(/^Approve/).check();
    await page.getByRole('button', { name: 'Review decision' }).click();
    await page.getByRole('button', { name: 'Yes, approve' }).click();
    const next = page.getByTestId('next-in-queue');
    await next.getByRole('link', { name: 'Next in queue' }).waitFor();
    await onFirstScreen('[data-testid="next-in-queue"]', '1280 px after deciding');
    await capture('governance-next-in-queue');
    await next.getByRole('link', { name: 'Next in queue' }).click();
    await page.waitForURL(`${base()}/assessments/${order[1]}?q=path`);

    // Phone: the next one, reloaded at 390 px; the panel is still on the first screen.
    await page.setViewportSize(phone);
    await page.reload();
    await page.getByTestId('decide-lines').waitFor();
    for (const control of ['[data-testid="decide-panel"]', '#decision-approve', '#decision-reject'])
      await onFirstScreen(control, '390 px');
    // What a phone shows before any scrolling.
    await page.screenshot({ path: join(shots, 'governance-decide-first-screen-390.png') });
    await page.getByLabel(/^Reject/).check();
    await page.getByLabel('Comment to the vendor and the record').fill('No sample to check.');
    await page.getByRole('button', { name: 'Review decision' }).click();
    await page.getByRole('button', { name: 'Yes, reject' }).click();
    await page.getByTestId('next-in-queue').getByRole('link', { name: 'Next in queue' }).click();
    await page.waitForURL(`${base()}/assessments/${order[2]}?q=path`);

    // Back to the queue keeps the filter; the decided ones are gone from it.
    await page.goBack();
    await page.waitForURL(`${base()}/assessments/${order[1]}?q=path`);
    await page
      .getByTestId('next-in-queue')
      .getByRole('link', { name: /Back to the review queue/ })
      .click();
    await page.waitForURL(`${base()}/governance?q=path`);
    expect(await page.getByLabel('Search vendor or dataset').inputValue()).toBe('path');
    await page.locator('table.queue tbody tr').first().waitFor();
    expect(await queueIds()).toEqual([order[2]]);
    await page.setViewportSize(desktop);
    expect(watcher.problems).toEqual([]);
  }, 120_000);

  it('saves a policy only after showing what changes and asking why', async () => {
    await page.setViewportSize(desktop);
    await signIn(page, base(), 'ada@demo.test', '/portfolio');
    await page.goto(`${base()}/policy`);
    await page.getByLabel(/^No sample analyzed/).fill('40');
    await page.getByRole('button', { name: /^Save as version 1/ }).click();
    const confirm = page.getByTestId('policy-save-confirm');
    await confirm.waitFor();
    expect(await confirm.getByTestId('policy-changes').innerText()).toBe(
      '“No sample analyzed” from 20 to 40',
    );
    expect(await confirm.getByTestId('policy-tier-moves').innerText()).toMatch(
      /^\d+ of \d+ scored assessments would change tier/,
    );
    // Same vendor and dataset twice: each preview row says which one it is.
    const twins = page.getByTestId('policy-preview').locator('tbody tr', { hasText: 'Path Twin' });
    expect(await twins.count()).toBe(2);
    const texts = await twins.getByTestId('preview-row-detail').allInnerTexts();
    expect(new Set(texts).size).toBe(2);
    for (const text of texts) expect(text).toMatch(/^submitted \d{4}-\d\d-\d\d, ref\. …\w{6}$/);
    const solo = page.getByTestId('policy-preview').locator('tbody tr', { hasText: 'Path Solo' });
    expect(await solo.getByTestId('preview-row-detail').count()).toBe(0);

    await confirm.getByRole('button', { name: 'Yes, save version 1' }).click();
    await confirm.getByText('Say why the policy changes').waitFor();
    await capture('admin-policy-save-confirm');
    await confirm.getByLabel(/^Reason for the change/).fill('Missing samples hid weak datasets.');
    await confirm.getByRole('button', { name: 'Yes, save version 1' }).click();
    await page.getByText('Saved as version 1.').waitFor();
    await page
      .getByTestId('policy-versions')
      .getByText('Why: Missing samples hid weak datasets.')
      .waitFor();
    expect(await page.getByTestId('policy-save-confirm').count()).toBe(0);
    expect(watcher.problems).toEqual([]);
  }, 90_000);
});
