/**
 * The portal in a real browser (Debian's Chromium via playwright-core) against a fresh local
 * portal: procurement invites, the vendor answers and uploads a real sample, governance requests
 * changes, the vendor resubmits, governance approves, the portfolio shows the vendor; a revoked link
 * gets its own page; vendor text never runs as HTML; no page logs a console error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiredInvitation } from './expired-link';
import {
  chromiumPath,
  launchChromium,
  openPerson,
  PageWatcher,
  type RunningPortal,
  resetScreenshots,
  screenshot,
  startPortal,
  stopPortal,
} from './portal-harness';
import { goToStep, signIn, waitSaved } from './portal-steps';

const samplePath = resolve('../shared/data/selfinstruct_user_tasks_human.jsonl');
const labelledPath = resolve('../shared/data/airline_tweets.csv');
const hasChromium = existsSync(chromiumPath);
const hasData = existsSync(samplePath) && existsSync(labelledPath);
if (!hasChromium)
  console.warn(
    `[e2e] SKIPPED the portal browser suite: ${chromiumPath} is missing (apt-get install chromium).`,
  );
if (!hasData)
  console.warn(
    '[e2e] SKIPPED the portal browser suite: ../shared/data (the real sample files) is missing.',
  );

const xss = '<img src=x onerror=alert(1)>';
const vendorName = 'Acme Data Ltd';
const datasetName = 'Customer support dialogues v3';

describe.skipIf(!hasChromium || !hasData)('web portal in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let buyer: Page;
  let reviewer: Page;
  let vendor: Page;
  let assessmentUrl = '';
  let inviteUrl = '';

  const person = async (name: string) => {
    if (!browser) throw new Error('no browser');
    const opened = await openPerson(browser, watcher, name);
    contexts.push(opened.context);
    return opened.page;
  };
  const base = () => portal?.url ?? '';

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    await resetScreenshots();
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    buyer = await person('procurement');
    reviewer = await person('governance');
    vendor = await person('vendor');
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('lets procurement sign in, see inline validation, create an assessment and issue an invitation', async () => {
    await signIn(buyer, base(), 'pat@demo.test', '/procurement');
    await buyer.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor();
    await screenshot(buyer, '01-procurement-empty');

    await buyer.getByRole('button', { name: 'Create assessment' }).click();
    await buyer.getByText('Enter the vendor’s name.').waitFor();
    expect(await buyer.locator('#new-vendor-name').getAttribute('aria-invalid')).toBe('true');

    await buyer.getByLabel('Vendor name').fill(vendorName);
    await buyer.getByLabel('Vendor contact e-mail').fill('data@acme.test');
    await buyer.getByLabel('Dataset name').fill(datasetName);
    await buyer
      .getByLabel('Dataset description')
      .fill('Chat transcripts with human agents, 2019–2024.');
    await buyer.getByRole('button', { name: 'Create assessment' }).click();
    await buyer.waitForURL(/\/assessments\/[a-z0-9]{26}$/);
    assessmentUrl = buyer.url();

    await buyer.getByRole('button', { name: 'Issue invitation link' }).click();
    const link = buyer.locator('#invite-link');
    await link.waitFor();
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/vendor#token=.{22,}/);
    await buyer.getByText(/^Active: issued/).waitFor();
    await screenshot(buyer, '02-assessment-invited');
  }, 60_000);

  it('gives the vendor the questionnaire from the link, clears the token from the address, and lists what is missing', async () => {
    await vendor.goto(inviteUrl);
    await vendor.getByRole('heading', { name: datasetName, level: 1 }).waitFor();
    expect(vendor.url()).toBe(`${base()}/vendor`);

    await goToStep(vendor, 'Review and submit');
    watcher.allow('/api/vendor/submit', 409);
    await vendor.getByRole('button', { name: 'Submit answers' }).click();
    await vendor.getByText('Submission refused: these required questions need an answer').waitFor();
    expect(await vendor.locator('ul.missing li').count()).toBeGreaterThan(10);
    watcher.clearAllowed();
    await screenshot(vendor, '03-vendor-missing-list');
  }, 60_000);

  it('autosaves answers, shows the API validation message inline, keeps markup as text, and offers "unknown" everywhere', async () => {
    await goToStep(vendor, 'Dataset identity');
    await vendor.locator('#q-dataset_name').fill(xss);
    await goToStep(vendor, 'Synthetic data');
    await vendor.locator('#q-synthetic_share_percent').fill('150');
    await vendor.locator('#q-synthetic_share_percent-error').waitFor();
    expect(await vendor.locator('[data-save-state]').textContent()).toContain('Not saved');
    await vendor.locator('#q-synthetic_share_percent').fill('5');
    await waitSaved(vendor);
    watcher.clearAllowed();
    expect(await vendor.locator('#q-synthetic_share_percent-error').count()).toBe(0);

    const steps = vendor.locator('nav[aria-label="Questionnaire steps"] .step-button');
    const sections = (await steps.count()) - 2;
    const answered = new Set(['q-dataset_name-block', 'q-synthetic_share_percent-block']);
    for (let i = 0; i < sections; i++) {
      await steps.nth(i).click();
      const blocks = vendor.locator('.question');
      const count = await blocks.count();
      for (let j = 0; j < count; j++) {
        const block = blocks.nth(j);
        expect(await block.locator('input[id$="-unknown"]').count()).toBe(1);
        const required = (await block.locator('.required').count()) > 0;
        if (!required || answered.has((await block.getAttribute('id')) ?? '')) continue;
        await block.locator('input[id$="-unknown"]').check();
      }
    }
    await waitSaved(vendor);
    await goToStep(vendor, 'Dataset identity');
    expect(await vendor.locator('#q-dataset_name').inputValue()).toBe(xss);
    await screenshot(vendor, '04-vendor-questionnaire');

    await vendor.reload();
    await goToStep(vendor, 'Dataset identity');
    expect(await vendor.locator('#q-dataset_name').inputValue()).toBe(xss);
    expect(await vendor.locator('img').count()).toBe(0);
  }, 120_000);

  it('reloads the latest answers and says so when another window saved first (409)', async () => {
    const token = new URL(inviteUrl).hash.replace('#token=', '');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const view = (await (
      await fetch(`${base()}/api/vendor/assessment`, { headers: auth })
    ).json()) as {
      version: number;
    };
    const other = await fetch(`${base()}/api/vendor/answers`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({
        answers: { dataset_version: 'v9 from another window' },
        version: view.version,
      }),
    });
    expect(other.status).toBe(200);

    watcher.allow('/api/vendor/answers', 409);
    await vendor.locator('#q-dataset_size_gb').fill('12');
    await vendor.getByText('Your answers were changed in another window').waitFor();
    watcher.clearAllowed();
    expect(await vendor.locator('#q-dataset_version').inputValue()).toBe('v9 from another window');
    expect(await vendor.locator('#q-dataset_size_gb').inputValue()).toBe('');
  }, 60_000);

  it('uploads real samples, shows their analysis summary and re-analyzes with a corrected field mapping', async () => {
    const analyzed = (count: number) =>
      vendor.waitForFunction(
        (n) => document.querySelectorAll('.sample-row[data-status="analyzed"]').length === n,
        count,
        { timeout: 90_000 },
      );
    await goToStep(vendor, 'Sample data');
    await vendor.locator('#sample-file').setInputFiles(samplePath);
    await vendor.getByRole('button', { name: 'Upload sample' }).click();
    await analyzed(1);
    const first = vendor.locator('.sample-row').first();
    expect(await first.locator('.stat dd').first().textContent()).toBe('252');

    await first.getByRole('button', { name: 'Correct the field mapping' }).click();
    // chosen from the fields of the stored file; it is analyzed again without a new upload
    await first.getByLabel('Text field').selectOption('instruction');
    await first.getByRole('button', { name: 'Analyze again with these fields' }).click();
    // Still one row, now analyzed with the named field.
    await vendor
      .locator('.sample-row')
      .first()
      .locator('code', { hasText: /^instruction$/ })
      .waitFor();

    await analyzed(1);
    await vendor.locator('#sample-file').setInputFiles(labelledPath);
    await vendor.getByRole('button', { name: 'Upload and replace' }).click();
    const newest = vendor.locator('.sample-row[data-status="analyzed"]', { hasText: 'airline' });
    await newest.waitFor({ timeout: 90_000 });
    expect(await newest.locator('.stat dd').first().textContent()).toBe('14,640');
    expect(await vendor.locator('.sample-row').count()).toBe(1);
    await screenshot(vendor, '05-vendor-samples-analyzed');
  }, 180_000);

  it('submits once everything required is answered', async () => {
    await goToStep(vendor, 'Review and submit');
    await vendor.getByText('Every required question has an answer.').waitFor();
    await vendor.getByRole('button', { name: 'Submit answers' }).click();
    await vendor.getByText(/^Submitted /).waitFor();
    await screenshot(vendor, '06-vendor-submitted');
  }, 60_000);

  it('signs governance in by keyboard and shows a risk-sorted queue and a report with charts, factors and answers as text', async () => {
    // Keyboard only: skip link, demo user (type-ahead), role, then Enter on the button.
    await reviewer.goto(`${base()}/signin`);
    await reviewer.locator('#signin-user').waitFor();
    const focused = () => reviewer.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 5 && (await focused()) !== 'signin-user'; i++)
      await reviewer.keyboard.press('Tab');
    expect(await focused()).toBe('signin-user');
    await reviewer.keyboard.type('Gail');
    expect(await reviewer.locator('#signin-user').inputValue()).toBe('gail@demo.test');
    await reviewer.keyboard.press('Tab');
    expect(await reviewer.locator('#signin-role').inputValue()).toBe('governance');
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.press('Enter');
    await reviewer.waitForURL(`${base()}/governance`);
    const row = reviewer.getByRole('link', { name: `${vendorName}: ${datasetName}` });
    await row.waitFor();
    const scores = (await reviewer.locator('table.queue tbody td.num').allTextContents()).filter(
      (t) => t !== '—',
    );
    expect(scores.map(Number)).toEqual(scores.map(Number).sort((x, y) => y - x));
    await screenshot(reviewer, '07-governance-queue');
    await row.click();
    await reviewer.waitForURL(assessmentUrl);

    await reviewer.locator('[data-testid="risk-score"]').waitFor();
    // The diversity chart is part of the method, under the sample's "How this was measured".
    await reviewer.getByTestId('report-sample').first().getByText('How this was measured').click();
    const charts = ['labels', 'clusters', 'diversity', 'dates'].map((c) => `sample-0-${c}`);
    for (const chart of ['chart-factors', 'chart-maturity', ...charts]) {
      const box = await reviewer.locator(`canvas[data-chart="${chart}"]`).boundingBox();
      expect(box?.width ?? 0, chart).toBeGreaterThan(100);
    }
    expect(await reviewer.locator('table.factors tbody tr').count()).toBeGreaterThan(0);

    await reviewer.getByText(/Vendor answers \(\d+ answered\)/).click();
    await reviewer.getByRole('cell', { name: xss }).waitFor();
    expect(await reviewer.locator('table.answers img').count()).toBe(0);
    await screenshot(reviewer, '08-governance-report');
  }, 60_000);

  it('lets governance request changes with a comment on one question', async () => {
    await reviewer.getByLabel(/Request changes/).check();
    await reviewer
      .getByLabel('Comment to the vendor and the record')
      .fill('Please state the synthetic share you measured.');
    await reviewer.getByText('Comments on specific questions (optional)').click();
    await reviewer.getByRole('button', { name: 'Add a comment on a question' }).click();
    await reviewer.getByLabel('Question for comment 1').selectOption('synthetic_share_percent');
    await reviewer
      .getByLabel('Comment 1', { exact: true })
      .fill('Our analysis suggests more than 5 %.');
    await reviewer.getByRole('button', { name: 'Review decision' }).click();
    await reviewer.getByRole('button', { name: 'Yes, request changes' }).click();
    await reviewer.locator('.title-row .status-changes_requested').waitFor();
  }, 60_000);

  it('shows the vendor the reviewer comment beside its question and accepts the fix and resubmission', async () => {
    await vendor.reload();
    await vendor.locator('.title-row .status-changes_requested').waitFor();
    await goToStep(vendor, 'Synthetic data');
    await vendor
      .locator('#q-synthetic_share_percent-comments', { hasText: 'more than 5 %' })
      .waitFor();
    await screenshot(vendor, '09-vendor-changes-requested');
    await vendor.locator('#q-synthetic_share_percent').fill('12');
    await waitSaved(vendor);
    await goToStep(vendor, 'Review and submit');
    await vendor.getByRole('button', { name: 'Submit answers' }).click();
    await vendor.getByText(/^Submitted /).waitFor();
  }, 60_000);

  it('lets governance approve the resubmitted assessment', async () => {
    await reviewer.reload();
    await reviewer.getByLabel(/^Approve/).check();
    await reviewer.getByRole('button', { name: 'Review decision' }).click();
    await reviewer.getByRole('button', { name: 'Yes, approve' }).click();
    await reviewer.locator('.title-row .status-approved').waitFor();
    await screenshot(reviewer, '10-approved');
  }, 60_000);

  it('shows the vendor in the portfolio and the notifications in the outbox', async () => {
    await buyer.goto(`${base()}/portfolio`);
    const row = buyer.getByRole('row', { name: new RegExp(vendorName) });
    await row.waitFor();
    expect(await row.locator('.tier').textContent()).toMatch(/(Low|Moderate|High|Critical) risk/);

    await buyer.goto(`${base()}/procurement`);
    await buyer.getByRole('link', { name: vendorName }).first().waitFor();
    await screenshot(buyer, '11-procurement-list');

    await buyer.goto(`${base()}/outbox`);
    await buyer
      .getByRole('heading', { name: /questionnaire/i })
      .first()
      .waitFor();
    await screenshot(buyer, '12-outbox');
  }, 60_000);

  it('starts a linked re-assessment and shows a revoked invitation link as revoked', async () => {
    await buyer.goto(assessmentUrl);
    await buyer.getByRole('button', { name: 'Start a re-assessment' }).click();
    await buyer.waitForURL(
      (url) => url.pathname.startsWith('/assessments/') && `${url}` !== assessmentUrl,
    );
    await buyer.getByText('the original assessment of this dataset').waitFor();

    await buyer.getByRole('button', { name: 'Issue invitation link' }).click();
    const revokedLink = await buyer.locator('#invite-link').inputValue();
    await buyer.getByRole('button', { name: 'Revoke invitation' }).click();
    await buyer.getByRole('button', { name: 'Yes, revoke' }).click();
    await buyer.getByText(/^Revoked \d{4}-/).waitFor();

    const stranger = await person('vendor-revoked');
    watcher.allow('/api/vendor/assessment', 401);
    await stranger.goto(revokedLink);
    await stranger.getByRole('heading', { name: 'This link was revoked' }).waitFor();
    watcher.clearAllowed();
    await screenshot(stranger, '13-link-revoked');
  }, 60_000);

  it('scores the re-assessment once the vendor resubmits the prefilled answers and shows the trend', async () => {
    await buyer.getByRole('button', { name: 'Issue invitation link' }).click();
    await buyer.getByText(/^Active: issued/).waitFor();
    const freshLink = await buyer.locator('#invite-link').inputValue();

    await vendor.goto(freshLink);
    await vendor.locator('.title-row .status-invited').waitFor();
    await goToStep(vendor, 'Review and submit');
    await vendor.getByText('Every required question has an answer.').waitFor();
    await vendor.getByRole('button', { name: 'Submit answers' }).click();
    await vendor.getByText(/^Submitted /).waitFor();

    await buyer.goto(`${base()}/portfolio`);
    const row = buyer.getByRole('row', { name: new RegExp(vendorName) });
    await row.getByText(/→/).waitFor();
    const trend = await buyer.locator('canvas[data-chart="chart-trend"]').boundingBox();
    expect(trend?.width ?? 0).toBeGreaterThan(100);
    await screenshot(buyer, '14-portfolio-trend');
  }, 60_000);

  it('shows an expired invitation link as expired', async () => {
    const expired = await expiredInvitation(base());
    try {
      const late = await person('vendor-expired');
      watcher.allow('/api/vendor/assessment', 401);
      await late.goto(expired.link);
      await late.getByRole('heading', { name: 'This link has expired' }).waitFor();
      watcher.clearAllowed();
      await screenshot(late, '15-link-expired');
    } finally {
      await expired.restore();
    }
  }, 60_000);

  it('logged no console errors, page errors or dialogs on any page', () => {
    expect(watcher.problems).toEqual([]);
  });
});
