/**
 * Staff pages in Chromium against a fresh local portal: procurement edits and cancels, the report
 * headline warns about weak evidence, decisions need confirmation and a comment, the admin edits
 * the policy with the API's validation, preview and versions. Every staff page is captured for
 * each role at 1280 and 390 px and checked for internal names.
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

const shots = join('test-results', 'screenshots-staff');
/** snake_case or camelCase words: ids people must never read. */
const internalName = /\b[a-z]+_[a-z0-9_]+\b|\b[a-z]+[A-Z][a-zA-Z]+\b/;

describe.skipIf(!existsSync(chromiumPath))('staff pages in Chromium', () => {
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

  /** An assessment created and invited through the API; submitted when `submit`. */
  async function prepared(name: string, submit: boolean) {
    const proc = await session('pat@demo.test', 'procurement');
    const a = await api<{ id: string }>('POST', '/api/assessments', proc, {
      vendor: { name, contactEmail: 'data@vendor.test' },
      dataset: { name: `${name} corpus`, intendedUse: 'fine-tuning' },
      templateId: 'ai-training-data',
      dueAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    });
    const inv = await api<{ token: string }>('POST', `/api/assessments/${a.id}/invitations`, proc);
    if (submit) {
      await api('PUT', '/api/vendor/answers', inv.token, { answers: completeAnswers() });
      await api('POST', '/api/vendor/submit', inv.token);
    }
    return a.id;
  }

  async function capture(name: string) {
    await mkdir(shots, { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function noInternalNames(where: string) {
    const text = await page.locator('main').innerText();
    const hit = text.match(internalName);
    expect(hit?.[0], `${where} shows an internal name`).toBeUndefined();
  }

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-staff-e2e-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'staff')).page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('lets procurement edit details, remind the vendor and cancel with a reason', async () => {
    const id = await prepared('Editable Data', false);
    await signIn(page, base(), 'pat@demo.test', '/procurement');
    await page.getByText('awaiting review').waitFor();
    await capture('procurement-list');
    await noInternalNames('the assessment list');
    await page.goto(`${base()}/procurement?status=rejected&q=nothing-matches`);
    await page.getByTestId('empty-filtered').waitFor();
    expect(await page.locator('#status-filter').inputValue()).toBe('rejected');

    await page.goto(`${base()}/assessments/${id}`);
    await page.getByTestId('invite-mail').getByText('data@vendor.test').waitFor();
    await page.getByRole('button', { name: 'Send a reminder' }).click();
    await page.getByText(/^Reminder e-mailed to data@vendor.test/).waitFor();

    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Vendor contact e-mail').fill('not-an-address');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Enter an e-mail address like name@example.com.').waitFor();
    await page.getByLabel('Vendor contact e-mail').fill('new-contact@vendor.test');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('dd', { hasText: 'new-contact@vendor.test' }).waitFor();
    await page
      .getByText(
        'Changed the vendor contact e-mail from “data@vendor.test” to “new-contact@vendor.test”.',
      )
      .waitFor();
    await page.getByText(/^Sent a reminder to data@vendor.test/).waitFor();

    await page.getByRole('button', { name: 'Cancel assessment' }).click();
    await page.getByRole('button', { name: 'Yes, cancel the assessment' }).click();
    await page.getByText('Say why the assessment is cancelled').waitFor();
    await page.getByLabel(/^Reason/).fill('The project was stopped.');
    await page.getByRole('button', { name: 'Yes, cancel the assessment' }).click();
    await page.locator('.title-row .status-cancelled').waitFor();
    await page.getByText(/Cancelled the assessment and revoked the invitation link/).waitFor();
    await capture('procurement-assessment-cancelled');
    await noInternalNames('a cancelled assessment');
  }, 90_000);

  it('shows governance a report headline that warns about weak evidence, and confirms decisions', async () => {
    const id = await prepared('Unsampled Data', true);
    await signIn(page, base(), 'gail@demo.test', '/governance');
    await page.getByRole('link', { name: /Unsampled Data/ }).waitFor();
    await page.getByLabel('Search vendor or dataset').fill('no such vendor');
    await page.getByText('No submitted assessment matches these filters.').waitFor();
    await page.getByLabel('Search vendor or dataset').fill('unsampled');
    await capture('governance-queue');
    await noInternalNames('the review queue');

    await page.goto(`${base()}/assessments/${id}`);
    const summary = page.getByTestId('report-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(
      /^Collapse risk is \d+ of 100 \(\w+ risk\) and maturity \d of 4, .+; the largest risk is “[^”]+” \(\d+ points\)/,
    );
    await page
      .getByTestId('evidence-warnings')
      .getByText('No sample was analyzed, so none of the answers could be checked against data.')
      .waitFor();

    await page.getByLabel(/^Reject/).check();
    await page.getByRole('button', { name: 'Review decision' }).click();
    await page.getByText('Say why the dataset is rejected').waitFor();
    await page.getByLabel('Comment to the vendor and the record').fill('No sample to check.');
    await page.getByRole('button', { name: 'Review decision' }).click();
    await page.getByRole('group', { name: 'Reject this dataset?' }).waitFor();
    expect(await page.locator('.title-row .status-submitted').count()).toBe(1);
    await capture('governance-assessment-confirm');
    await noInternalNames('the report');
    await page.getByRole('button', { name: 'Yes, reject' }).click();
    await page.locator('.title-row .status-rejected').waitFor();
    await page.getByText('Rejected the dataset with 1 comment.').waitFor();
  }, 90_000);

  it('lets the admin change the policy with validation beside the field, a preview and versions', async () => {
    await signIn(page, base(), 'ada@demo.test', '/portfolio');
    await page.goto(`${base()}/policy`);
    const fresh = page.getByLabel(/^Holdout fresh up to/);
    await fresh.waitFor();
    await noInternalNames('the policy page');
    await capture('admin-policy');

    watcher.allow('/api/policy/preview', 400);
    await fresh.fill('30');
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    const error = page.locator('#policy-thresholds-holdoutFreshMonths-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/must be below/);
    expect(await error.innerText()).not.toMatch(internalName);
    watcher.clearAllowed();

    await fresh.fill('6');
    await page.getByLabel(/^No sample analyzed/).fill('40');
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    const preview = page.getByTestId('policy-preview');
    await preview.getByText(/scored assessment/).waitFor();
    expect(await preview.locator('tbody tr').count()).toBeGreaterThan(0);
    await capture('admin-policy-preview');

    await page.getByRole('button', { name: /^Save as version 1/ }).click();
    await page.getByLabel(/^Reason for the change/).fill('Samples matter more.');
    await page.getByRole('button', { name: 'Yes, save version 1' }).click();
    await page.getByText('Saved as version 1.').waitFor();
    await page
      .getByTestId('policy-versions')
      .getByText('Changed “No sample analyzed” from 20 to 40.')
      .waitFor();
  }, 90_000);

  it('captures every staff page for each role without internal names or console errors', async () => {
    const pages: Record<string, string[]> = {
      procurement: ['/procurement', '/portfolio', '/policy', '/outbox'],
      governance: ['/governance', '/portfolio', '/policy', '/outbox'],
      admin: ['/procurement', '/governance', '/portfolio', '/policy', '/outbox'],
    };
    const users = { procurement: 'pat', governance: 'gail', admin: 'ada' } as const;
    const homes = { procurement: '/procurement', governance: '/governance', admin: '/portfolio' };
    const id = await prepared('Screenshot Data', true);
    for (const [role, paths] of Object.entries(pages) as [keyof typeof users, string[]][]) {
      await signIn(page, base(), `${users[role]}@demo.test`, homes[role]);
      for (const path of [...paths, `/assessments/${id}`]) {
        await page.goto(`${base()}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const name = `${role}${path.replace(/\/assessments\/.+/, '/assessment').replaceAll('/', '-')}`;
        await capture(name);
        if (path !== '/outbox') await noInternalNames(`${path} as ${role}`);
      }
    }
    expect(watcher.problems).toEqual([]);
  }, 180_000);
});
