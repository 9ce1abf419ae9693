/**
 * Fingerprint packs in a real browser: governance builds a pack from a corpus on the Fingerprint
 * packs page, attaches it on the assessment page, and the report shows the match in "Matches with
 * known corpora" with the vendor's text of example records. No page logs a console error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const ready = existsSync(chromiumPath);
if (!ready) console.warn('[e2e] SKIPPED the fingerprint suite: Chromium is missing.');

/** 40 texts of random made-up words: no two share a shingle, so each pack record matches one. */
const texts = (() => {
  let state = 0x1b873593;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state;
  };
  const c = 'bcdfghjklmnprstvz';
  const word = () => `${c[next() % 17]}${'aeiou'[next() % 5]}${c[next() % 17]}${next() % 100}`;
  return Array.from(
    { length: 40 },
    (_, i) => `Answer ${i}: ${Array.from({ length: 20 }, word).join(' ')}.`,
  );
})();
const packName = 'Public chat corpus';

describe.skipIf(!ready)('fingerprint packs in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let gov: Page;
  let assessmentId = '';
  const base = () => portal?.url ?? '';

  async function api(method: string, path: string, token: string, body?: unknown) {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : ((await res.json()) as Record<string, unknown>);
  }

  /** Screenshots the page at 390 px, checks nothing scrolls sideways there, and goes back to 1280. */
  async function atPhoneWidth(name: string) {
    await gov.setViewportSize({ width: 390, height: 844 });
    // the layout settles a frame after the resize: poll rather than race it
    await expect
      .poll(() =>
        gov.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        ),
      )
      .toBe(false);
    await screenshot(gov, name);
    await gov.setViewportSize({ width: 1280, height: 900 });
  }

  /** An assessment whose vendor delivered the 40 texts and submitted (so it has a report). */
  async function submittedAssessment() {
    const session = await fetch(`${base()}/api/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pat@demo.test', role: 'procurement', organizationId: 'demo' }),
    });
    const { token: proc } = (await session.json()) as { token: string };
    const a = await api('POST', '/api/assessments', proc, {
      vendor: { name: 'Chat Vendor', contactEmail: 'chat@vendor.test' },
      dataset: { name: 'Chat answers v1', intendedUse: 'fine-tuning' },
      templateId: 'ai-training-data',
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const id = String(a?.id);
    const vendor = String((await api('POST', `/api/assessments/${id}/invitations`, proc))?.token);
    await api('PUT', '/api/vendor/answers', vendor, { answers: completeAnswers() });
    const file = texts.map((text) => JSON.stringify({ text })).join('\n');
    const target = (await api('POST', '/api/vendor/samples', vendor, {
      fileName: 'answers.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(file),
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
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-fp-'));
    await writeFile(
      join(dataDir, 'corpus.jsonl'),
      texts
        .slice(0, 20)
        .map((text) => JSON.stringify({ text }))
        .join('\n'),
    );
    portal = await startPortal(join(dataDir, 'portal'));
    browser = await launchChromium();
    gov = (await openPerson(browser, watcher, 'governance')).page;
    assessmentId = await submittedAssessment();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('builds a pack from a corpus on the Fingerprint packs page', async () => {
    await signIn(gov, base(), 'gail@demo.test', '/governance');
    await gov.getByRole('link', { name: 'Fingerprint packs' }).click();
    await gov.getByRole('heading', { name: 'Fingerprint packs', level: 1 }).waitFor();
    await gov.getByLabel('Name').fill(packName);
    await gov.locator('#pack-file').setInputFiles(join(dataDir, 'corpus.jsonl'));
    await gov.getByRole('button', { name: 'Upload and build' }).click();
    const row = gov.locator('[data-testid="pack-row"]', { hasText: packName });
    await row.locator('.status-ready').waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toMatch(/Synthetic corpus, 20 records/);
    await screenshot(gov, 'fingerprints-01-library-1280');
    await atPhoneWidth('fingerprints-01-library-390');
  }, 120_000);

  it('attaches the pack on the assessment page and shows the match in the report', async () => {
    await gov.goto(`${base()}/assessments/${assessmentId}`);
    await gov.getByRole('heading', { name: 'Fingerprint packs', level: 2 }).waitFor();
    await gov.locator('#pack-choice').selectOption({ label: `${packName} (synthetic)` });
    await gov.getByRole('button', { name: 'Attach pack' }).click();
    await gov.locator('[data-testid="attached-packs"]', { hasText: packName }).waitFor();
    // the page follows the queued re-score by itself
    await gov
      .locator('[data-testid="fingerprint-matches"]', { hasText: '50 % of records match' })
      .waitFor({ timeout: 60_000 });
    const section = gov.locator('[data-testid="fingerprint-matches"]');
    expect(await section.textContent()).toMatch(
      /Public chat corpus, training sample: 50 % of records match/,
    );
    // under the match, the vendor's text of an example record (read from the sample), as text
    const example = section.locator('[data-testid="match-examples"] blockquote').first();
    await example.waitFor({ timeout: 30_000 });
    expect(await example.textContent()).toBe(`Record 0: ${texts[0]}`);
    expect(await section.locator('[data-testid="match-examples"] blockquote').count()).toBe(3);
    await screenshot(gov, 'fingerprints-02-report-1280');
    await atPhoneWidth('fingerprints-02-report-390');
    expect(watcher.problems).toEqual([]);
  }, 120_000);
});
