import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitedAssessment, json, startTestPortal, type TestPortal } from '../api/harness';
import { deepJsonl, endlessLine, gzipBomb, wideCsv } from './abuse-files';
import { raw, register } from './upload';

let t: TestPortal;
beforeAll(async () => {
  // a lower decompressed limit keeps the bomb small; the other limits are the defaults
  t = await startTestPortal({ ANALYSIS_MAX_DECOMPRESSED_BYTES: String(8 * 1024 ** 2) });
});
afterAll(async () => {
  await t.stop();
});

interface Case {
  name: string;
  fileName: string;
  contentType: string;
  body: () => Promise<Buffer | string>;
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'gzip bomb',
    fileName: 'bomb.jsonl.gz',
    contentType: 'application/gzip',
    body: () => gzipBomb(64),
    message: /expands to more than 8 MiB \(decompressed size limit\)/,
  },
  {
    name: 'endless line',
    fileName: 'endless.jsonl',
    contentType: 'application/jsonl',
    body: async () => endlessLine(17),
    message: /^line 1: the line is longer than 16 MiB \(line length limit\)/,
  },
  {
    name: '1e6 columns',
    fileName: 'wide.csv',
    contentType: 'text/csv',
    body: async () => wideCsv(1_000_000),
    message: /^line 1: more than 10,000 columns \(column limit\)/,
  },
  {
    name: 'deep nesting',
    fileName: 'deep.jsonl',
    contentType: 'application/jsonl',
    body: async () => deepJsonl(100_000),
    message: /^line 6: the record nests deeper than 64 levels \(nesting depth limit\)/,
  },
];

describe('abuse files', () => {
  it('fail each with the limit they break, while /api/health keeps answering', async () => {
    const proc = await t.staff('procurement', 'demo', 'pat@demo.test');
    const uploads: { c: Case; token: string; sampleId: string }[] = [];
    for (const c of cases) {
      const body = await c.body();
      const { token } = await invitedAssessment(t, proc);
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      const upload = await register(t, token, bytes, {
        fileName: c.fileName,
        contentType: c.contentType,
      });
      const put = await raw(t.portal.url, {
        method: 'PUT',
        path: ((u) => `${u.pathname}${u.search}`)(new URL(upload.uploadUrl)),
        headers: upload.uploadHeaders,
        body: bytes,
      });
      expect(put.status, c.name).toBe(200);
      uploads.push({ c, token, sampleId: upload.sampleId });
    }
    const latencies: number[] = [];
    const statusOf = (u: (typeof uploads)[number]) =>
      json<{ status: string; error?: string }>(
        t.call('GET', `/api/vendor/samples/${u.sampleId}`, { token: u.token }),
      );
    for (let i = 0; i < 3000; i++) {
      const started = performance.now();
      const health = await t.call('GET', '/api/health');
      latencies.push(performance.now() - started);
      expect(health.status).toBe(200);
      const states = await Promise.all(uploads.map(statusOf));
      if (states.every((s) => s.status === 'failed' || s.status === 'analyzed')) break;
    }
    await t.portal.idle();
    for (const u of uploads) {
      const s = await statusOf(u);
      expect(s.status, u.c.name).toBe('failed');
      expect(s.error, u.c.name).toMatch(u.c.message);
    }
    const worst = Math.max(...latencies);
    console.log(
      `abuse analyses: ${latencies.length} health checks, worst ${worst.toFixed(1)} ms, median ${latencies.sort((a, b) => a - b)[Math.floor(latencies.length / 2)]?.toFixed(1)} ms`,
    );
  }, 180_000);
});
