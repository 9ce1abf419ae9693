import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, maxJsonBytes } from '../../functions/api/app';
import { newAssessmentBody, startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement');
});
afterAll(async () => {
  await t.stop();
});

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: unknown[];
  };
}

describe('error mapping', () => {
  it('returns 400 problem+json for malformed JSON', async () => {
    const res = await t.call('POST', '/api/assessments', { token: proc, body: '{"vendor": ' });
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.status).toBe(400);
    expect(p.detail).toMatch(/not valid JSON/);
  });

  it('returns 415 for a body that is not JSON', async () => {
    const res = await t.call('POST', '/api/assessments', {
      token: proc,
      body: 'vendor=acme',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect((await problemOf(res)).detail).toMatch(/application\/json/);
  });

  it('returns 413 for a body over the limit', async () => {
    const big = JSON.stringify({
      ...newAssessmentBody(),
      dataset: { name: 'x'.repeat(maxJsonBytes), intendedUse: 'x' },
    });
    const res = await t.call('POST', '/api/assessments', { token: proc, body: big });
    expect(res.status).toBe(413);
    expect((await problemOf(res)).type).toMatch(/payload-too-large$/);
  });

  it('returns 404 problem+json for an unknown route', async () => {
    const res = await t.call('GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect((await problemOf(res)).detail).toContain('/api/no-such-thing');
  });

  it('lists every invalid field in a 400', async () => {
    const res = await t.call('POST', '/api/assessments', {
      token: proc,
      body: {
        vendor: { name: '', contactEmail: 'nope' },
        dataset: { name: 'd' },
        templateId: 'ai-training-data',
        dueAt: 'soon',
      },
    });
    expect(res.status).toBe(400);
    const paths = ((await problemOf(res)).errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['dataset.intendedUse', 'dueAt', 'vendor.contactEmail', 'vendor.name']);
  });

  it('puts a request id and security headers on every response', async () => {
    const res = await t.call('GET', '/api/health');
    expect(res.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('hides internals in a 500: no stack, SDK message, table or bucket name', async () => {
    const secretTable = 'diligence-prod-Table-ABC123';
    const failing = {
      ...t.portal.deps,
      repos: {
        ...t.portal.deps.repos,
        assessments: {
          ...t.portal.deps.repos.assessments,
          list: () =>
            Promise.reject(
              new Error(`ResourceNotFoundException: Requested resource not found: ${secretTable}`),
            ),
        },
      },
    };
    const app = createApp(failing);
    const res = await app.request('/api/assessments', {
      headers: { authorization: `Bearer ${proc}` },
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain(secretTable);
    expect(text).not.toContain('ResourceNotFound');
    expect(text).not.toMatch(/\bat .+\.ts:\d+/);
    expect(text).not.toContain(t.portal.deps.config.SAMPLES_BUCKET);
    expect(JSON.parse(text).instance).toMatch(/^urn:request:/);
  });

  it('returns 429 after too many invalid invitation tokens from one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await t.call('GET', '/api/vendor/assessment', {
        token: `ZGVtbw.${'a'.repeat(26)}.${'x'.repeat(43)}`,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
