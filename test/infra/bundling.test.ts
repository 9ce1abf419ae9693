import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiligenceFunction } from '../../infra/constructs/function';
import { projectRoot } from './synth';

const ENTRIES = {
  Api: 'functions/api/lambda.ts',
  Analyze: 'functions/analyze/lambda.ts',
  DeadLetters: 'functions/analyze/dead-letters/lambda.ts',
  Notify: 'functions/notify/lambda.ts',
} as const;
const bundles: Record<string, string> = {};

beforeAll(() => {
  // Real esbuild bundling, exactly as `cdk synth` does it, without Docker or network.
  const app = new App({ context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new Stack(app, 'Bundling');
  for (const [id, entry] of Object.entries(ENTRIES)) {
    new DiligenceFunction(stack, id, {
      source: { projectRoot, code: 'bundle' },
      entry,
      description: id,
      serviceName: id,
    });
  }
  const assembly = app.synth();
  const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  for (const [logicalId, fn] of Object.entries(functions)) {
    const assetDir = String(fn.Metadata['aws:asset:path']);
    const id = Object.keys(ENTRIES).find((name) => logicalId.startsWith(name));
    if (id) bundles[id] = join(assembly.directory, assetDir, 'index.mjs');
  }
}, 240_000);

describe('lambda bundling', () => {
  it.each(Object.keys(ENTRIES))(
    '%s bundles to one ESM file with the require shim and a source map',
    (id) => {
      const file = bundles[id] ?? '';
      const head = readFileSync(file, 'utf8').slice(0, 200);
      expect(
        head.startsWith(
          "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        ),
      ).toBe(true);
      expect(statSync(`${file}.map`).size).toBeGreaterThan(0);
    },
  );

  it('produces an API bundle that loads in plain Node and answers the health check', () => {
    const event = {
      version: '2.0',
      routeKey: 'GET /api/health',
      rawPath: '/api/health',
      rawQueryString: '',
      headers: { host: 'example.cloudfront.net' },
      requestContext: {
        http: {
          method: 'GET',
          path: '/api/health',
          protocol: 'HTTP/1.1',
          sourceIp: '192.0.2.1',
          userAgent: 'test',
        },
        requestId: 'bundling-test',
        routeKey: 'GET /api/health',
        stage: '$default',
        timeEpoch: 0,
        domainName: 'example.cloudfront.net',
        accountId: '123456789012',
        apiId: 'api',
      },
      isBase64Encoded: false,
    };
    const script = `const { handler } = await import(${JSON.stringify(bundles.Api)});
      const res = await handler(${JSON.stringify(event)}, {});
      process.stdout.write(JSON.stringify({ status: res.statusCode, body: res.body }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH,
        DILIGENCE_MODE: 'aws',
        AWS_REGION: 'eu-west-1',
        AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
    const result = JSON.parse(out.slice(out.indexOf('{"status"')));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ status: 'ok' });
  });

  it.each(['Analyze', 'DeadLetters', 'Notify'])(
    'the %s bundle loads and exports a handler',
    (id) => {
      const script = `const m = await import(${JSON.stringify(bundles[id])}); process.stdout.write(typeof m.handler);`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: {
          PATH: process.env.PATH,
          DILIGENCE_MODE: 'aws',
          AWS_REGION: 'eu-west-1',
          AUTH_JWKS_URL: 'https://example.com/jwks.json',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 20_000,
      });
      expect(out).toBe('function');
    },
  );
});
