/**
 * The integrations page in a real browser: an admin creates an API token (shown once), sees it
 * listed and revokes it, then is refused a webhook to a private address (the reason shown), adds
 * one (secret shown once) and opens its delivery log. At
 * 1280 and 390 px, with screenshots; no internal names on screen; no console errors.
 */
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

/** snake_case or camelCase words: ids people must never read. */
const internalName = /\b[a-z]+_[a-z0-9_]+\b|\b[a-z]+[A-Z][a-zA-Z]+\b/;

describe.skipIf(!existsSync(chromiumPath))('integrations page in Chromium', () => {
  const watcher = new PageWatcher();
  let dataDir = '';
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const base = () => portal?.url ?? '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'diligence-e2e-integrations-'));
    portal = await startPortal(join(dataDir, 'portal'));
    browser = await launchChromium();
    page = (await openPerson(browser, watcher, 'admin')).page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopPortal(portal);
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Visible words, the shown-once secrets left out (they are random text by design). */
  const visibleWords = () =>
    page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      for (const el of clone.querySelectorAll('[data-testid="shown-once"]')) el.remove();
      document.body.append(clone);
      clone.style.position = 'absolute';
      const text = clone.innerText;
      clone.remove();
      return text;
    });

  async function bothWidths(name: string) {
    await screenshot(page, `${name}-1280`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() =>
        page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        ),
      )
      .toBe(false);
    await screenshot(page, `${name}-390`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('creates, shows once and revokes a token; adds a webhook and opens its log', async () => {
    await signIn(page, base(), 'ada@demo.test', '/portfolio');
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.waitForURL(`${base()}/integrations`);
    await page.getByLabel('Name').fill('ticketing sync');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('shown-once');
    await expect.poll(() => shown.innerText()).toContain('dlg_');
    await expect.poll(() => page.getByTestId('token-row').count()).toBe(1);
    await bothWidths('integrations-token');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.getByTestId('token-row').innerText()).toContain('Revoked');

    // A refused address (the cloud metadata service) shows why, adds nothing, and the next
    // good try clears the message.
    watcher.allow('/api/webhooks', 400);
    await page.getByLabel('Address (https)').fill('https://169.254.169.254/hook');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(await page.getByRole('alert').innerText()).toContain('a cloud metadata address');
    expect(await page.getByTestId('webhook-row').count()).toBe(0);
    await page.getByLabel('Address (https)').fill('http://127.0.0.1:9/hook');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => page.getByTestId('webhook-row').count()).toBe(1);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    watcher.clearAllowed();
    await page.getByRole('button', { name: 'Show deliveries' }).click();
    await expect
      .poll(() => page.getByTestId('webhook-row').innerText())
      .toContain('Nothing sent yet');
    await bothWidths('integrations-webhook');

    const words = await visibleWords();
    expect(words.match(internalName)).toBeNull();
    expect(watcher.problems).toEqual([]);
  }, 120_000);
});
