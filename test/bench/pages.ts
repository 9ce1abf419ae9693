/**
 * Page-ready times of the web app in Chromium against a local portal with demo data: the sign-in
 * page, the vendor questionnaire and the governance report, each opened with an empty cache and
 * again with a warm one, once receiving the precompressed (brotli) assets and once refusing every
 * encoding (the old uncompressed serving), side by side in one run. Run on a plain loopback and on
 * an emulated 20 Mbit/s, 40 ms link. `npx tsx test/bench/pages.ts [--runs 5]`
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../functions/lib/config';
import { createLogger } from '../../functions/lib/logger';
import { startPortal } from '../../functions/local/portal';
import { launchChromium } from '../e2e/portal-harness';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const dataDir = await mkdtemp(join(tmpdir(), 'diligence-pages-bench-'));
const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const portal = await startPortal(config, { logger: createLogger('silent'), host: '127.0.0.1' });
const base = portal.url.replace('localhost', '127.0.0.1');
const browser: Browser = await launchChromium();

const token = async (email: string, role: string) => {
  const res = await fetch(`${base}/api/dev/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, role }),
  });
  return ((await res.json()) as { token: string }).token;
};
const gov = await token('gail@demo.test', 'governance');
const list = (await (
  await fetch(`${base}/api/assessments?limit=100`, { headers: { authorization: `Bearer ${gov}` } })
).json()) as { items: { id: string; report: unknown }[] };
const reported = list.items.find((a) => a.report)?.id;
const vendorLink = portal.demoVendorLink;
if (!reported || !vendorLink) throw new Error('the demo seed has no report or vendor link');

interface Target {
  name: string;
  url: string;
  ready: string;
  session?: [string, string];
}
const targets: Target[] = [
  { name: 'sign-in', url: `${base}/signin`, ready: '#signin-user' },
  { name: 'vendor questionnaire', url: vendorLink, ready: '.question' },
  {
    name: 'governance report',
    url: `${base}/assessments/${reported}`,
    ready: '[data-testid="risk-score"]',
    session: ['diligence.staffToken', gov],
  },
];

type Mode = { label: string; encoding: 'br' | 'identity'; slow: boolean };
const modes: Mode[] = [
  { label: 'loopback, identity', encoding: 'identity', slow: false },
  { label: 'loopback, brotli', encoding: 'br', slow: false },
  { label: '20 Mbit/s 40 ms, identity', encoding: 'identity', slow: true },
  { label: '20 Mbit/s 40 ms, brotli', encoding: 'br', slow: true },
];

async function measure(page: Page, t: Target): Promise<number> {
  const start = performance.now();
  await page.goto(t.url, { waitUntil: 'commit' });
  await page.locator(t.ready).first().waitFor({ timeout: 30_000 });
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const results: { target: string; mode: string; cold: number; warm: number; kib: number }[] = [];
for (const t of targets) {
  for (const mode of modes) {
    const cold: number[] = [];
    const warm: number[] = [];
    let bytes = 0;
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({
        extraHTTPHeaders: { 'accept-encoding': mode.encoding },
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      if (mode.slow) {
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 40,
          downloadThroughput: (20e6 / 8) * 0.9,
          uploadThroughput: (20e6 / 8) * 0.9,
        });
      }
      let received = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        received += e.encodedDataLength;
      });
      if (t.session) {
        const [key, value] = t.session;
        await context.addInitScript(
          (kv: string[]) => sessionStorage.setItem(kv[0] ?? '', kv[1] ?? ''),
          [key, value],
        );
      }
      cold.push(await measure(page, t));
      bytes = received;
      warm.push(await measure(page, t));
      await context.close();
    }
    results.push({
      target: t.name,
      mode: mode.label,
      cold: median(cold),
      warm: median(warm),
      kib: bytes / 1024,
    });
  }
}

console.log(`page-ready (median of ${runs}; ms from navigation to the page's main element)`);
console.log(
  `${'page'.padEnd(22)} ${'serving'.padEnd(27)} ${'cold'.padStart(7)} ${'warm'.padStart(7)} ${'cold KiB'.padStart(9)}`,
);
for (const r of results) {
  console.log(
    `${r.target.padEnd(22)} ${r.mode.padEnd(27)} ${r.cold.toFixed(0).padStart(7)} ${r.warm.toFixed(0).padStart(7)} ${r.kib.toFixed(0).padStart(9)}`,
  );
}
for (const t of targets) {
  const of = (label: string) => results.find((r) => r.target === t.name && r.mode === label);
  const slowId = of('20 Mbit/s 40 ms, identity');
  const slowBr = of('20 Mbit/s 40 ms, brotli');
  if (slowId && slowBr) {
    console.log(
      `${t.name}: brotli/identity cold ${(slowBr.cold / slowId.cold).toFixed(2)}x on the emulated link, bytes ${(slowBr.kib / slowId.kib).toFixed(2)}x; warm/cold (brotli) ${(slowBr.warm / slowBr.cold).toFixed(2)}x`,
    );
  }
}
await browser.close();
await portal.close();
await rm(dataDir, { recursive: true, force: true });
