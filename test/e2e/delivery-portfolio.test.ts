/**
 * The staff portfolio's delivery-over-delivery measurements in Chromium, against a fresh portal: a
 * dataset delivered twice (the second delivery recycling half of the first) shows its measured
 * series, the degraded verdict with the findings' words, from one series request (no report
 * fetches from the browser). Also: the report page asks for its version list together with the
 * report, not after it. Captured at 1280 and 390 px.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from '../api/answers';
import { crateRows } from '../fixtures/crate-rows';
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

const shots = join('test-results', 'screenshots-delivery');
/** snake_case or camelCase words: ids people must never read. */
const internalName = /\b[a-z]+_[a-z0-9_]+\b|\b[a-z]+[A-Z][a-zA-Z]+\b/;
const VENDOR = 'Recycling Reeds Ltd';
describe.skipIf(!existsSync(chromiumPath))('portfolio delivery measurements in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let second = '';
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
  async function until<T>(check: () => Promise<T | undefined>, what: string, tries = 200) {
    for (let i = 0; i < tries; i++) {
      const value = await check();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`gave up waiting for ${what}`);
  }

  /** The vendor answers, uploads `body` as the training sample, waits for it, and submits. */
  async function deliver(vendorToken: string, body: string) {
    const saved = await api<{ detail?: string }>('PUT', '/api/vendor/answers', vendorToken, {
      answers: completeAnswers(),
    });
    expect(saved.status, saved.body.detail).toBe(200);
    const s = await api<{
      sampleId: string;
      uploadUrl: string;
      uploadHeaders: Record<string, string>;
    }>('POST', '/api/vendor/samples', vendorToken, {
      fileName: 'delivery.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
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
        vendorToken,
      );
      return r.body.status === 'analyzed' ? true : undefined;
    }, 'the sample analysis');
    // The analysis re-scores the assessment right after it completes; the submit decides again
    // on a fresh copy when it loses that race, so one request is enough.
    const submitted = await api<{ detail?: string }>('POST', '/api/vendor/submit', vendorToken);
    expect(submitted.status, submitted.body.detail).toBe(200);
  }

  async function capture(name: string) {
    await mkdir(shots, { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
      if (width === 390) {
        const sideways = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(sideways, `${name} scrolls sideways at 390 px`).toBe(false);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'web/build.ts'], { stdio: 'inherit' });
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-delivery-e2e-'));
    portal = await startPortal(dataDir);
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'staff')).page;

    const proc = await session('pat@demo.test', 'procurement');
    const body = {
      vendor: { name: VENDOR, contactEmail: 'data@reeds.test' },
      dataset: { name: 'Reeds delivery notes', intendedUse: 'fine-tuning' },
      templateId: 'ai-training-data',
      dueAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    };
    const a = await api<{ id: string }>('POST', '/api/assessments', proc, body);
    const invite = async (id: string) =>
      (await api<{ token: string }>('POST', `/api/assessments/${id}/invitations`, proc)).body.token;
    await deliver(await invite(a.body.id), `${crateRows(0, 120)}\n`);
    const b = await api<{ id: string }>('POST', `/api/assessments/${a.body.id}/reassess`, proc);
    second = b.body.id;
    // The re-delivery repeats half of the first delivery.
    await deliver(await invite(second), `${crateRows(0, 60)}\n${crateRows(500, 560)}\n`);
    await until(async () => {
      const r = await api<{ sinceLastDelivery?: unknown }>(
        'GET',
        `/api/assessments/${second}/report`,
        proc,
      );
      return r.body.sinceLastDelivery ? true : undefined;
    }, 'the re-assessment report');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('shows each delivery’s measurements and the degraded verdict from one series request', async () => {
    await signIn(page, base(), 'pat@demo.test', '/procurement');
    const calls: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/')) calls.push(path);
    });
    await page.goto(`${base()}/portfolio`);
    const card = page.locator('section.delivery-series', {
      has: page.getByRole('heading', { name: `${VENDOR}: Reeds delivery notes` }),
    });
    await card.waitFor();
    const rowsShown = card.locator('table.deliveries tbody tr');
    expect(await rowsShown.count()).toBe(2);
    const two = rowsShown.nth(1);
    expect(await two.getByRole('link').textContent()).toMatch(/^Delivery 2 \(\d{4}-\d\d-\d\d\)$/);
    await two.getByTestId('delivery-degraded').waitFor();
    const findings = card.getByTestId('degraded-findings');
    expect(await findings.count()).toBe(1);
    expect(await findings.textContent()).toMatch(
      /^Delivery 2 \(.*\): degraded since the previous delivery \(\+\d+\.\d risk points\)\..*repeat records of the previous one/,
    );
    // Half of the re-delivery repeats the first: the measured overlap is shown as about 50 %.
    expect(await two.locator('td').nth(5).textContent()).toMatch(/^5\d %/);
    expect(await rowsShown.nth(0).textContent()).toMatch(/First delivery/);
    expect(await card.locator('.evidence-screening').count()).toBe(2);
    const chart = await card.locator('canvas[data-chart^="chart-deliveries-"]').boundingBox();
    expect(chart?.width ?? 0).toBeGreaterThan(100);
    const text = await page.locator('main').innerText();
    expect(text.match(internalName)?.[0]).toBeUndefined();
    expect(text).not.toContain(second);
    // One request for the series; no report fetched per assessment.
    expect(calls.filter((p) => p === '/api/portfolio/delivery-series')).toHaveLength(1);
    expect(calls.filter((p) => /\/reports?$/.test(p))).toEqual([]);
    await capture('portfolio-deliveries');
  }, 90_000);

  it('asks for the report and its version list together, not one after the other', async () => {
    const events: string[] = [];
    const kind = (url: string) => {
      const path = new URL(url).pathname;
      if (path === `/api/assessments/${second}/report`) return 'report';
      if (path === `/api/assessments/${second}/reports`) return 'versions';
      return undefined;
    };
    const onRequest = (r: { url(): string }) => {
      const k = kind(r.url());
      if (k) events.push(`asked ${k}`);
    };
    const onFinished = (r: { url(): string }) => {
      const k = kind(r.url());
      if (k) events.push(`got ${k}`);
    };
    page.on('request', onRequest);
    page.on('requestfinished', onFinished);
    await page.goto(`${base()}/assessments/${second}`);
    await page.getByRole('heading', { name: 'Report versions' }).waitFor();
    page.off('request', onRequest);
    page.off('requestfinished', onFinished);
    expect(events.filter((e) => e.startsWith('asked'))).toEqual(['asked report', 'asked versions']);
    // Both requests were out before the report came back.
    expect(events.indexOf('asked versions')).toBeLessThan(events.indexOf('got report'));
    await page.getByRole('button', { name: 'Show differences' }).click();
    await page.getByTestId('version-diff').waitFor();
    expect(await page.getByTestId('answers-not-recorded').count()).toBe(0);
    await page.getByTestId('version-diff').scrollIntoViewIfNeeded();
    await capture('report-versions');
  }, 60_000);

  it('logged no console errors, page errors or dialogs', () => {
    expect(watcher.problems).toEqual([]);
  });
});
