import type { Context } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import type { DataDeps } from '../../functions/api/env';
import { createLazyApp, groupsFor, withoutData } from '../../functions/api/lazy-app';
import { routeGroups } from '../../functions/api/routes/groups';
import { httpApiEvent } from '../fixtures/http-api-event';
import { startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
beforeAll(async () => {
  t = await startTestPortal();
});
afterAll(async () => {
  await t.stop();
});

type Doc = { paths: Record<string, Record<string, unknown>> };

/** One request through an app; the fixed request id makes problem bodies comparable. */
async function answer(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  method: string,
  path: string,
  token?: string,
) {
  const headers: Record<string, string> = { 'x-request-id': 'lazy-app-test' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await app.request(path, { method, headers });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

describe('Lambda lazy app', () => {
  it('publishes the same OpenAPI document as the app that registers every route up front', async () => {
    const eager = await createApp(t.portal.deps).request('/api/openapi.json');
    const lazy = await createLazyApp(t.portal.deps, async () => t.portal.deps).request(
      '/api/openapi.json',
    );
    expect(lazy.status).toBe(200);
    expect(await lazy.json()).toEqual(await eager.json());
  });

  it('declares, for every group, the first path segment of each of its routes and middleware', async () => {
    for (const group of routeGroups(t.portal.deps)) {
      const router = (await group.load())(t.portal.deps);
      expect(router.routes.length, group.name).toBeGreaterThan(0);
      for (const route of router.routes) {
        const segment = route.path.split('/')[1] ?? '';
        expect(group.prefixes, `${group.name}: ${route.method} ${route.path}`).toContain(segment);
      }
    }
  });

  it('loads only the groups a path can reach, every group for the document and unclaimed paths', () => {
    const groups = routeGroups(t.portal.deps);
    const names = (path: string) => groupsFor(groups, path).map((g) => g.name);
    const all = groups.map((g) => g.name);
    expect(names('/api/health')).toEqual(['health']);
    expect(names('/api/vendor/answers')).toEqual(['vendor', 'contracts']);
    expect(names('/api/exports/assessments.csv')).toEqual(['report-exports']);
    expect(names('/api/portfolio/due')).toEqual(['reports', 'portfolio-due']);
    expect(names('/api/assessments/01kb/reports/2/pdf')).toEqual([
      'assessments',
      'invitations',
      'decisions',
      'report-exports',
      'reports',
      'references',
      'spot-checks',
      'fingerprints',
      'contracts',
      'passports',
    ]);
    expect(names('/api/tokens')).toEqual(['tokens']);
    expect(names('/api/webhooks/01kb/deliveries')).toEqual(['webhooks']);
    expect(names('/api/openapi.json')).toEqual(all);
    expect(names('/api/docs')).toEqual(all);
    expect(names('/api/no-such-thing')).toEqual(all);
    expect(names('/index.html')).toEqual([]);
  });

  it('answers every documented operation and stray paths exactly as the full app does', async () => {
    const eager = createApp(t.portal.deps);
    const lazy = createLazyApp(t.portal.deps, async () => t.portal.deps);
    const doc = (await (await eager.request('/api/openapi.json')).json()) as Doc;
    const staff = await t.staff('procurement');
    const requests: [string, string][] = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map(
        (method) =>
          [method.toUpperCase(), path.replace(/\{[^}]+\}/g, '01kbnotfound')] as [string, string],
      ),
    );
    expect(requests.length).toBeGreaterThan(30);
    requests.push(
      ['GET', '/api/no-such-thing'],
      ['GET', '/api/vendor/no-such-thing'],
      ['GET', '/api/assessments/01kbnotfound/no-such-thing'],
      ['GET', '/api/health/'],
      ['GET', '/api'],
      ['GET', '/no-such-page'],
      ['GET', '/api/docs'],
    );
    for (const [method, path] of requests) {
      for (const token of [undefined, staff]) {
        const want = await answer(eager, method, path, token);
        const got = await answer(lazy, method, path, token);
        expect(got, `${method} ${path}${token ? ' (staff)' : ''}`).toEqual(want);
      }
    }
  });

  it('serves API Gateway events through hono/aws-lambda as lambda.ts wires it', async () => {
    const handler = handle(createLazyApp(t.portal.deps, async () => t.portal.deps));
    type Result = { statusCode: number; body: string; headers: Record<string, string> };
    const health = (await handler(httpApiEvent('GET', '/api/health'), {} as Context)) as Result;
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    expect(health.headers['x-request-id']).toBeTruthy();
    const token = await t.staff('procurement');
    const post = (await handler(
      httpApiEvent(
        'POST',
        '/api/assessments',
        { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        JSON.stringify({ vendor: {} }),
      ),
      {} as Context,
    )) as Result;
    expect(post.statusCode).toBe(400);
    expect(JSON.parse(post.body).errors.length).toBeGreaterThan(0);
  });

  it('loads the data side only for groups that declare it, once, and again after a failure', async () => {
    let loads = 0;
    let fail = true;
    const lazy = createLazyApp(t.portal.deps, async (): Promise<DataDeps> => {
      loads++;
      if (fail) throw new Error('SDK chunk missing');
      return t.portal.deps;
    });
    const staff = await t.staff('procurement');
    expect((await answer(lazy, 'GET', '/api/health')).status).toBe(200);
    expect((await answer(lazy, 'GET', '/api/config')).status).toBe(200);
    expect((await answer(lazy, 'GET', '/api/me', staff)).status).toBe(200);
    expect(loads).toBe(0);
    const failed = await answer(lazy, 'GET', '/api/assessments', staff);
    expect(failed.status).toBe(500);
    expect(failed.type).toContain('application/problem+json');
    expect(loads).toBe(1);
    fail = false;
    const list = await answer(lazy, 'GET', '/api/assessments', staff);
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body)).toHaveProperty('items');
    expect((await answer(lazy, 'GET', '/api/templates', staff)).status).toBe(200);
    expect(loads).toBe(2);
  });

  it('names the member and the group when a group declared without data reads it', () => {
    const [health] = routeGroups(t.portal.deps);
    const deps = withoutData(t.portal.deps, health ? [health] : []);
    expect(deps.config).toBe(t.portal.deps.config);
    expect(() => deps.repos).toThrow(
      'deps.repos read by route group(s) health, declared data: false in routes/groups.ts',
    );
  });
});
