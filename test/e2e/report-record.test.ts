/**
 * The report as a buyer reads it, in Chromium against a fresh portal: a re-delivery whose vendor
 * replaced a file shows the files (names, SHA-256) the report is built on, the versions say what
 * changed, the audit trail names every upload and replacement, and the main text carries no
 * method names (those are under "How this was measured"). Screenshots at 1280 and 390 px go to
 * `REPORT_SHOTS_DIR` (default test-results/screenshots-report-record).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JARGON } from '../../functions/core/report/plain-words';
import { completeAnswers } from '../api/answers';
import { crateRows } from '../fixtures/crate-rows';
import { pdfFlatText } from '../support/pdf-text';
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

const shots = process.env.REPORT_SHOTS_DIR ?? join('test-results', 'screenshots-report-record');

describe.skipIf(!existsSync(chromiumPath))('the report as a decision record in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let second = '';
  let gov = '';
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
    return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
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

  /** Polls `check` until it returns a value, at most `tries` times (no fixed sleeps). */
  async function until<T>(check: () => Promise<T | undefined>, what: string, tries = 300) {
    for (let i = 0; i < tries; i++) {
      const value = await check();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`gave up waiting for ${what}`);
  }

  /** Uploads `body` as the training sample `fileName` (optionally replacing one) and waits for it. */
  async function upload(token: string, fileName: string, body: string, replaces?: string) {
    const s = await api<{
      sampleId: string;
      uploadUrl: string;
      uploadHeaders: Record<string, string>;
    }>('POST', '/api/vendor/samples', token, {
      fileName,
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
      ...(replaces ? { replaces } : {}),
    });
    expect(s.status).toBe(201);
    const put = await fetch(new URL(s.body.uploadUrl, base()), {
      method: 'PUT',
      headers: s.body.uploadHeaders,
      body,
    });
    expect(put.status).toBe(200);
    await until(async () => {
      const r = await api<{ status: string }>(
        'GET',
        `/api/vendor/samples/${s.body.sampleId}`,
        token,
      );
      return r.body.status === 'analyzed' ? true : undefined;
    }, 'the sample analysis');
    return s.body.sampleId;
  }

  async function capture(name: string) {
    await mkdir(shots, { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(sideways, `${name} scrolls sideways at ${width} px`).toBe(false);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-record-e2e-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'staff')).page;
    const proc = await session('pat@demo.test', 'procurement');
    gov = await session('gail@demo.test', 'governance');
    const a = await api<{ id: string }>('POST', '/api/assessments', proc, {
      vendor: { name: 'Crate Counters Ltd', contactEmail: 'data@crates.test' },
      dataset: { name: 'Crate logs', intendedUse: 'fine-tuning' },
      templateId: 'ai-training-data',
      dueAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    });
    const invite = async (id: string) =>
      (await api<{ token: string }>('POST', `/api/assessments/${id}/invitations`, proc)).body.token;
    const deliver = async (token: string, files: [string, string][]) => {
      await api('PUT', '/api/vendor/answers', token, { answers: completeAnswers() });
      let previous: string | undefined;
      for (const [name, body] of files) previous = await upload(token, name, body, previous);
      const submitted = await api<{ detail?: string }>('POST', '/api/vendor/submit', token);
      expect(submitted.status, submitted.body.detail).toBe(200);
    };
    await deliver(await invite(a.body.id), [['march.jsonl', `${crateRows(0, 120)}\n`]]);
    second = (await api<{ id: string }>('POST', `/api/assessments/${a.body.id}/reassess`, proc))
      .body.id;
    await deliver(await invite(second), [
      ['april-draft.jsonl', `${crateRows(200, 320)}\n`],
      ['april.jsonl', `${crateRows(0, 60)}\n${crateRows(500, 560)}\n`],
    ]);
    await until(async () => {
      const r = await api<{
        sinceLastDelivery?: unknown;
        samples?: { file?: { fileName: string } }[];
      }>('GET', `/api/assessments/${second}/report`, gov);
      return r.body.sinceLastDelivery && r.body.samples?.[0]?.file?.fileName === 'april.jsonl'
        ? true
        : undefined;
    }, 'the re-assessment report');
    const decided = await until(async () => {
      const r = await api<{ detail?: string }>('POST', `/api/assessments/${second}/decision`, gov, {
        decision: 'reject',
        comment: 'Half of April repeats March.',
      });
      return r.status === 409 ? undefined : r;
    }, 'the decision');
    expect(decided.status, decided.body.detail).toBe(200);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('shows the files, what changed and the trail, with no method names in the main text', async () => {
    await signIn(page, base(), 'gail@demo.test', '/governance');
    await page.goto(`${base()}/assessments/${second}`);
    await page.getByRole('heading', { name: 'Report versions' }).waitFor();
    await page.getByRole('heading', { name: 'Since last delivery' }).waitFor();
    const main = await page.locator('main').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const d of copy.querySelectorAll('details')) d.remove();
      return copy.textContent ?? '';
    });
    const hit = JARGON.exec(main);
    expect(
      hit ? main.slice(Math.max(0, hit.index - 200), hit.index + 80) : undefined,
    ).toBeUndefined();
    expect(main).toMatch(/Machine-made: about/);
    expect(main).toMatch(/Recycled: \d+ % of the new records repeat the previous delivery/);
    expect(main).toContain('What to do:');
    const sample = page.getByTestId('report-sample').first();
    expect(await sample.getByRole('heading').first().textContent()).toContain('april.jsonl');
    expect(await sample.getByTestId('sample-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    const changes = await page.getByTestId('version-change').allTextContents();
    expect(changes.join('\n')).toContain(
      'New training sample april.jsonl replaced april-draft.jsonl',
    );
    const trail = await page.locator('ol.audit-list').textContent();
    expect(trail).toContain(
      'Uploaded “april.jsonl” as the training sample to replace “april-draft.jsonl” (SHA-256',
    );
    expect(trail).toMatch(
      /What changed: new training sample “april\.jsonl” \(SHA-256 [0-9a-f]{12}…\) replaced “april-draft\.jsonl”/,
    );
    await capture('assessment-report');
    await page.getByText('How this was measured').first().click();
    await page.locator('.since-last-delivery').scrollIntoViewIfNeeded();
    await capture('assessment-report-method-open');
    expect(watcher.problems).toEqual([]);
  }, 90_000);

  it("downloads the latest version's PDF as the decision record", async () => {
    const versions = await api<{ items: { version: number }[] }>(
      'GET',
      `/api/assessments/${second}/reports`,
      gov,
    );
    const latest = versions.body.items.at(-1)?.version;
    const res = await fetch(`${base()}/api/assessments/${second}/reports/${latest}/pdf`, {
      headers: { authorization: `Bearer ${gov}` },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    await mkdir(shots, { recursive: true });
    await writeFile(join(shots, 'report-latest.pdf'), bytes);
    const text = await pdfFlatText(bytes);
    expect(text).toContain('Rejected on');
    expect(text).toContain('gail@demo.test');
    expect(text).toContain('Half of April repeats March.');
    expect(text).toContain('april.jsonl');
    const main = text.split('How this was measured')[0] ?? '';
    expect(main.match(JARGON)?.[0]).toBeUndefined();
  });
});
