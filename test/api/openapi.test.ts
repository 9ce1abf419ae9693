import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
let doc: Doc;
beforeAll(async () => {
  t = await startTestPortal();
  doc = (await (await t.call('GET', '/api/openapi.json')).json()) as Doc;
});
afterAll(async () => {
  await t.stop();
});

type Media = { schema?: unknown; example?: unknown; examples?: unknown };
type Operation = {
  operationId?: string;
  security?: unknown[];
  requestBody?: { content?: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
};
type Doc = {
  openapi: string;
  servers?: { url: string }[];
  info: { license?: { name: string } };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { pattern?: string }> }> };
};

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      op,
    })),
  );

describe('OpenAPI document', () => {
  it('matches the checked-in snapshot (contract drift shows in review)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/openapi.json',
    );
  });

  it('declares a 401 on every authenticated route', () => {
    for (const { name, op } of operations()) {
      if (op.security?.length) expect(Object.keys(op.responses), name).toContain('401');
    }
  });

  it('names every operation once, in camelCase verb+noun, and marks public ones security: []', () => {
    const ids = operations().map(({ name, op }) => {
      expect(op.operationId, name).toMatch(/^[a-z]+[A-Z][A-Za-z]*$/);
      expect(op.security, `${name} must say who may call it`).toBeDefined();
      return op.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
    const open = operations().filter(({ op }) => op.security?.length === 0);
    expect(open.map((o) => o.name).sort()).toEqual([
      'GET /api/config',
      'GET /api/dev/users',
      'GET /api/health',
      'GET /api/passports/{token}',
      'POST /api/dev/session',
    ]);
  });

  it('has an example for every request and response body', () => {
    const missing: string[] = [];
    for (const { name, op } of operations()) {
      const bodies = [
        ['request', op.requestBody?.content] as const,
        ...Object.entries(op.responses).map(([s, r]) => [s, r.content] as const),
      ];
      for (const [where, content] of bodies) {
        for (const [type, media] of Object.entries(content ?? {})) {
          if (media.example === undefined && media.examples === undefined)
            missing.push(`${name} ${where} ${type}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('publishes only examples that parse with the zod schema the route validates or answers with', () => {
    type Media = { schema?: unknown; example?: unknown };
    type Route = {
      method: string;
      path: string;
      request?: { body?: { content?: Record<string, Media> } };
      responses: Record<string, { content?: Record<string, Media> }>;
    };
    const definitions = t.portal.app.openAPIRegistry.definitions as {
      type: string;
      route?: Route;
    }[];
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const { type, route } of definitions) {
      if (type !== 'route' || !route) continue;
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const bodies = [
        ['request', route.request?.body?.content] as const,
        ...Object.entries(route.responses).map(([s, r]) => [s, r.content] as const),
      ];
      for (const [where, content] of bodies) {
        for (const [media, { schema, example }] of Object.entries(content ?? {})) {
          const label = `${name} ${where} ${media}`;
          expect(schema, label).toBeInstanceOf(z.ZodType);
          const result = (schema as z.ZodType).safeParse(example);
          checked.push(label);
          if (!result.success) {
            const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
            wrong.push(`${label}: ${issues.join('; ')}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every body of every operation was checked (errors included), not a lucky few.
    const bodies = operations().flatMap(({ op }) => [
      ...Object.keys(op.requestBody?.content ?? {}),
      ...Object.values(op.responses).flatMap((r) => Object.keys(r.content ?? {})),
    ]);
    expect(checked.length).toBe(bodies.length);
  });

  it('names its server and licence', () => {
    expect(doc.servers?.[0]?.url).toBe('/');
    expect(doc.info.license?.name).toMatch(/Proprietary/);
  });

  it('publishes a fileName pattern that accepts every real sample name and refuses others', async () => {
    const source = doc.components.schemas.CreateSample?.properties?.fileName?.pattern ?? '';
    // Clients compile the published string as is: no flags travel with it.
    const pattern = new RegExp(source, 'u');
    const real = (await readdir(join(process.cwd(), '..', 'shared', 'data'))).filter(
      (f) => f !== 'README.md',
    );
    expect(real.length).toBeGreaterThanOrEqual(10);
    const names = [
      ...real,
      ...real.map((f) => `${f}.gz`),
      ...real.map((f) => f.toUpperCase()),
      'data.jsonl',
      'tickets.ndjson.gz',
      'EXPORT.JSONL.GZ',
      'Notes.Txt',
      'images.zip',
      'IMAGES.TAR.GZ',
      'photos.tar',
      'photos.tgz',
    ];
    expect(names.filter((n) => !pattern.test(n))).toEqual([]);
    for (const bad of ['data.xlsx', 'data.zip.gz', 'data.rar', 'jsonl', 'data.json/i', 'data.gz'])
      expect(pattern.test(bad), bad).toBe(false);
  });

  it('passes Redocly lint with the recommended rules: 0 errors, 0 warnings', async () => {
    const cli = join(
      dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
      'bin',
      'cli.js',
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'lint', 'test/api/__snapshots__/openapi.json', '--format=json'],
      {
        cwd: process.cwd(),
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number; ignored: number };
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(report.totals.warnings).toBe(0);
    expect(report.totals.ignored).toBe(3); // the public reads justified in .redocly.lint-ignore.yaml
  }, 60_000);
});

describe('API reference page', () => {
  it('loads Swagger UI from this origin only, with no inline script or style', async () => {
    const res = await t.call('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBe(2);
    for (const attrs of scripts) expect(attrs).toMatch(/ src="\/api-docs\/[a-z-]+\.js"/);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.filter((u) => !u.startsWith('/') && u !== 'data:,')).toEqual([]);
    expect(html).not.toMatch(/<style|style="/);
    expect(html).toContain('/api/assessments'); // the no-script table
  });
});
