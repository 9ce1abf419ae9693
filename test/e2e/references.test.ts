/**
 * The reference library in a real browser: procurement uploads a named, described reference sample,
 * sees it analyzed, attaches it to an assessment (the report then names it), detaches and deletes it.
 * Staff-written names stay text; no page logs a console error. Screenshots at 1280 and 390 px.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from '../../functions/local/demo-answers';
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

const referencePath = resolve('../shared/data/selfinstruct_user_tasks_human.jsonl');
const samplePath = resolve('../shared/data/selfinstruct_user_tasks_text-davinci-003.jsonl');
const ready = existsSync(chromiumPath) && existsSync(referencePath) && existsSync(samplePath);
if (!ready)
  console.warn('[e2e] SKIPPED the reference library suite: Chromium or ../shared/data is missing.');

const refName = 'User tasks <b>human</b>';

/** Both widths the pages are checked at. */
async function shots(page: Page, name: string) {
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!ready)('reference library in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let buyer: Page;
  let assessmentId = '';
  const base = () => portal?.url ?? '';

  /** Calls the API as a demo user (or with a vendor token). */
  async function api(method: string, path: string, token: string, body?: unknown) {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : ((await res.json()) as Record<string, unknown>);
  }

  /** An assessment whose vendor answered, uploaded a real sample and submitted (so it has a report). */
  async function submittedAssessment() {
    const session = await fetch(`${base()}/api/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pat@demo.test', role: 'procurement', organizationId: 'demo' }),
    });
    const { token: proc } = (await session.json()) as { token: string };
    const a = await api('POST', '/api/assessments', proc, {
      vendor: { name: 'Tasks Vendor', contactEmail: 'tasks@vendor.test' },
      dataset: { name: 'User tasks v1', intendedUse: 'fine-tuning' },
      templateId: 'ai-training-data',
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const id = String(a?.id);
    const invite = await api('POST', `/api/assessments/${id}/invitations`, proc);
    const vendor = String(invite?.token);
    await api('PUT', '/api/vendor/answers', vendor, { answers: completeAnswers() });
    const file = await readFile(samplePath);
    const target = (await api('POST', '/api/vendor/samples', vendor, {
      fileName: 'user-tasks.jsonl',
      role: 'training',
      sizeBytes: file.byteLength,
      contentType: 'application/x-ndjson',
    })) as { uploadUrl: string; uploadHeaders: Record<string, string>; sampleId: string };
    const put = await fetch(new URL(target.uploadUrl, base()), {
      method: 'PUT',
      headers: target.uploadHeaders,
      body: file,
    });
    expect(put.status).toBe(200);
    for (let i = 0; i < 300; i++) {
      const s = await api('GET', `/api/vendor/samples/${target.sampleId}`, vendor);
      if (s?.status !== 'awaiting_upload' && s?.status !== 'analyzing') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await api('POST', '/api/vendor/submit', vendor);
    return id;
  }

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-refs-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    buyer = (await openPerson(browser, watcher, 'procurement')).page;
    assessmentId = await submittedAssessment();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('uploads a named, described reference and shows it analyzed, its name as text', async () => {
    await signIn(buyer, base(), 'pat@demo.test', '/procurement');
    await buyer.getByRole('link', { name: 'Reference samples' }).click();
    await buyer.getByRole('heading', { name: 'Reference samples', level: 1 }).waitFor();
    await buyer.getByLabel('Name').fill(refName);
    await buyer.getByLabel('Description').fill('Tasks people wrote for the Self-Instruct study.');
    await buyer.locator('#reference-file').setInputFiles(referencePath);
    await buyer.getByRole('button', { name: 'Upload reference' }).click();
    const row = buyer.locator('[data-testid="reference-row"]', { hasText: refName });
    await row.locator('.status-analyzed').waitFor({ timeout: 90_000 });
    expect(await row.textContent()).toMatch(/252 records.*Not attached to any assessment/);
    // the library says which field of the file was read as the text
    expect(await row.getByTestId('read-field').textContent()).toBe(
      'Read field: instruction + instances[0].input + instances[0].output',
    );
    expect(await buyer.locator('main b').count()).toBe(0);
    await shots(buyer, 'references-01-library');
  }, 120_000);

  it('attaches the reference on the assessment page, names it in the report, then detaches it', async () => {
    await buyer.goto(`${base()}/assessments/${assessmentId}`);
    await buyer.getByRole('heading', { name: 'Reference sample', level: 2 }).waitFor();
    await buyer.locator('[data-testid="reference-note"]').waitFor();
    expect(await buyer.locator('[data-testid="reference-note"]').textContent()).toMatch(
      /No reference sample attached/,
    );
    await buyer.locator('#reference-choice').selectOption({ label: refName });
    await buyer.getByRole('button', { name: 'Attach', exact: true }).click();
    await buyer
      .locator('[data-testid="attached-reference"]', { hasText: `Attached: ${refName}` })
      .waitFor();
    await buyer
      .locator('[data-testid="reference-note"]', { hasText: `Reference sample ${refName}` })
      .waitFor();
    await shots(buyer, 'references-02-attached');

    await buyer.getByRole('link', { name: 'Reference samples' }).click();
    const row = buyer.locator('[data-testid="reference-row"]', { hasText: refName });
    await row.getByText('Attached to 1 assessment.').waitFor();
    expect(await row.getByRole('button', { name: `Delete ${refName}` }).isDisabled()).toBe(true);

    await buyer.goto(`${base()}/assessments/${assessmentId}`);
    await buyer.getByRole('button', { name: 'Detach' }).click();
    await buyer
      .locator('[data-testid="attached-reference"]', { hasText: 'No reference attached' })
      .waitFor();
    await buyer
      .locator('[data-testid="reference-note"]', { hasText: 'No reference sample attached' })
      .waitFor();
  }, 120_000);

  it('deletes a reference no assessment uses', async () => {
    await buyer.getByRole('link', { name: 'Reference samples' }).click();
    const row = buyer.locator('[data-testid="reference-row"]', { hasText: refName });
    await row.getByRole('button', { name: `Delete ${refName}` }).click();
    await buyer.getByText('No reference samples yet.').waitFor();
    expect(watcher.problems).toEqual([]);
  }, 60_000);
});
