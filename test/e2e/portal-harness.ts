/**
 * Helpers for the browser test: start a fresh local portal as a child process, launch Debian's
 * Chromium, watch every page for console errors and dialogs, and save screenshots.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const chromiumPath = '/usr/bin/chromium';

/** Where screenshots of the main pages go (a CI artifact). */
export const screenshotDir = join('test-results', 'screenshots');

/** A portal child process and its base URL. */
export interface RunningPortal {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the portal URL once the child prints it; rejects if it exits or `ms` passes. */
function waitForUrl(child: ChildProcess, output: () => string, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(
      () => reject(new Error(`portal did not start within ${ms} ms:\n${output()}`)),
      ms,
    );
    const onData = () => {
      const match = output().match(/Diligence is running at (http:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(deadline);
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`portal exited with ${code} before it was ready:\n${output()}`));
    });
  });
}

/** Starts `tsx functions/local/main.ts` on a free port with its own data folder (`env` adds settings). */
export async function startPortal(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningPortal> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'functions/local/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stopPortal can end npx, tsx and node together.
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const output = () => log;
  const url = await waitForUrl(child, output, 90_000);
  for (let attempt = 0; attempt < 50; attempt++) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`portal at ${url} never answered /api/health:\n${output()}`);
}

/** Stops the portal's process group and waits for it to exit. */
export async function stopPortal(portal: RunningPortal | undefined): Promise<void> {
  const pid = portal?.child.pid;
  if (!portal || pid === undefined || portal.child.exitCode !== null) return;
  const exited = new Promise((resolve) => portal.child.once('exit', resolve));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** Launches headless Chromium with the flags a sandboxed CI machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A console error, page error or dialog seen on some page. */
export interface Problem {
  page: string;
  kind: 'console' | 'pageerror' | 'dialog';
  text: string;
}

/** Collects problems from every page; `expect` allows one known failed request (e.g. a 409). */
export class PageWatcher {
  readonly problems: Problem[] = [];
  private allowed: { path: string; status: number }[] = [];

  /** Allows browser-logged failures of `path` with `status` until `clearAllowed`. */
  allow(path: string, status: number): void {
    this.allowed.push({ path, status });
  }

  /** Forgets every allowance. */
  clearAllowed(): void {
    this.allowed = [];
  }

  /** Starts watching a page. */
  watch(page: Page, name: string): Page {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const where = message.location().url;
      const expected = this.allowed.some(
        (a) => where.includes(a.path) && text.includes(`status of ${a.status}`),
      );
      if (!expected)
        this.problems.push({ page: name, kind: 'console', text: `${text} (${where})` });
    });
    page.on('pageerror', (error) =>
      this.problems.push({ page: name, kind: 'pageerror', text: error.message }),
    );
    page.on('dialog', (dialog) => {
      this.problems.push({
        page: name,
        kind: 'dialog',
        text: `${dialog.type()}: ${dialog.message()}`,
      });
      void dialog.dismiss();
    });
    return page;
  }
}

/** Opens a fresh, isolated browser context (one person) with one watched page. */
export async function openPerson(
  browser: Browser,
  watcher: PageWatcher,
  name: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = watcher.watch(await context.newPage(), name);
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Empties the screenshot folder so no stale picture survives a run. */
export async function resetScreenshots(): Promise<void> {
  await rm(screenshotDir, { recursive: true, force: true });
  await mkdir(screenshotDir, { recursive: true });
}

/** Saves a full-page screenshot under test-results/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
