import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
beforeAll(async () => {
  t = await startTestPortal();
});
afterAll(async () => {
  await t.stop();
});

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
  >;
};

describe('OpenAPI document', () => {
  it('matches the checked-in snapshot (contract drift shows in review)', async () => {
    const res = await t.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/openapi.json',
    );
  });

  it('declares a 401 on every authenticated route and a 400 on every route with input', async () => {
    const doc = (await (await t.call('GET', '/api/openapi.json')).json()) as Doc;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op.security?.length)
          expect(Object.keys(op.responses), `${method} ${path}`).toContain('401');
      }
    }
  });

  it('renders the docs page without scripts', async () => {
    const res = await t.call('GET', '/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/api/assessments');
    expect(html).not.toContain('<script');
  });
});
