import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PACKS_DIR, loadBuiltinPacks } from '../../functions/api/services/builtin-packs';
import { type Bundle, bundleLambda, REQUIRE_BANNER, RUNTIME_ASSETS } from '../../infra/bundle';
import { ANALYZE_WORKERS } from '../../infra/constructs/analyzer';
import { DiligenceFunction } from '../../infra/constructs/function';
import { httpApiEvent } from '../fixtures/http-api-event';
import { codeOutputs, filesUnder, runModule, staticClosure } from './bundle-tools';
import { projectRoot } from './synth';

const ENTRIES = {
  Api: { entry: 'functions/api/lambda.ts' },
  Analyze: { entry: 'functions/analyze/lambda.ts', workers: ANALYZE_WORKERS },
  DeadLetters: { entry: 'functions/analyze/dead-letters/lambda.ts' },
  Notify: { entry: 'functions/notify/lambda.ts' },
} as const;
type Id = keyof typeof ENTRIES;
/** Asset directory of each synthesized function. */
const assets = {} as Record<Id, string>;
let assemblyDir = '';

beforeAll(() => {
  // Real esbuild bundling, exactly as `cdk synth` does it, without Docker or network.
  const app = new App({ context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new Stack(app, 'Bundling');
  for (const [id, props] of Object.entries(ENTRIES)) {
    new DiligenceFunction(stack, id, {
      ...props,
      source: { projectRoot, code: 'bundle' },
      description: id,
      serviceName: id,
    });
  }
  const assembly = app.synth();
  assemblyDir = assembly.directory;
  const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  for (const [logicalId, fn] of Object.entries(functions)) {
    const id = (Object.keys(ENTRIES) as Id[]).find((name) => logicalId.startsWith(name));
    if (id) assets[id] = join(assembly.directory, String(fn.Metadata['aws:asset:path']));
  }
}, 240_000);
afterAll(() => rmSync(assemblyDir, { recursive: true, force: true }));

/** Serves one API Gateway GET event with the bundled API in a fresh Node process. */
function serveApi(path: string): { status: number; body: unknown } {
  const script = `const { handler } = await import(${JSON.stringify(join(assets.Api, 'index.mjs'))});
    const res = await handler(${JSON.stringify(httpApiEvent('GET', path))}, {});
    process.stdout.write(JSON.stringify({ status: res.statusCode, body: JSON.parse(res.body) }));`;
  return JSON.parse(runModule(script));
}

describe('lambda bundling', () => {
  it.each(Object.keys(ENTRIES) as Id[])(
    '%s deploys index.mjs, its chunks and source maps, each file with the require shim',
    (id) => {
      const shipped = Object.values(RUNTIME_ASSETS).flat();
      const files = filesUnder(assets[id]).filter(
        (f) => !shipped.some((d) => f.startsWith(`${d}/`)),
      );
      const code = files.filter((f) => f.endsWith('.mjs'));
      const workers = Object.keys((ENTRIES[id] as { workers?: object }).workers ?? {});
      const roots = code.filter((f) => !f.startsWith('chunks/'));
      expect(roots).toEqual(['index.mjs', ...workers.map((w) => `${w}.mjs`)].sort());
      expect(files.filter((f) => !f.endsWith('.mjs')).sort()).toEqual(code.map((f) => `${f}.map`));
      for (const file of code)
        expect(readFileSync(join(assets[id], file), 'utf8').startsWith(REQUIRE_BANNER)).toBe(true);
    },
  );

  it('ships the built-in fingerprint packs in the API bundle, where the working directory finds them', async () => {
    const packs = await loadBuiltinPacks(join(assets.Api, BUILTIN_PACKS_DIR), (file, reason) => {
      throw new Error(`${file}: ${reason}`);
    });
    expect(packs.length).toBeGreaterThanOrEqual(4);
  });

  it('produces an API bundle that loads in plain Node and answers public requests', () => {
    expect(serveApi('/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(serveApi('/api/config')).toMatchObject({ status: 200, body: { mode: 'aws' } });
  });

  it.each(['Analyze', 'DeadLetters', 'Notify'] as const)(
    'the %s bundle loads and exports a handler',
    (id) => {
      const entry = JSON.stringify(join(assets[id], 'index.mjs'));
      const script = `const m = await import(${entry}); process.stdout.write(typeof m.handler);`;
      expect(runModule(script)).toBe('function');
    },
  );
});

describe('the API bundle is split', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = bundleLambda({
      projectRoot,
      ...ENTRIES.Api,
      outdir: mkdtempSync(join(tmpdir(), 'diligence-bundle-')),
    });
  }, 120_000);
  afterAll(() => rmSync(bundle.outdir, { recursive: true, force: true }));

  it('into the very files the construct deploys', () => {
    expect(filesUnder(assets.Api)).toEqual(filesUnder(bundle.outdir));
  });

  it('into an entry file much smaller than the whole, with the heavy routes loaded on demand', () => {
    const outputs = codeOutputs(bundle.metafile);
    const sizeOf = (files: Iterable<string>) =>
      [...files].reduce((sum, f) => sum + (outputs.get(f)?.bytes ?? 0), 0);
    const eager = staticClosure(outputs);
    const lazy = [...outputs.keys()].filter((f) => !eager.has(f));
    const holding = (input: string) =>
      [...outputs].filter(([, o]) => Object.keys(o.inputs).some((i) => i.includes(input)));
    expect(outputs.size).toBeGreaterThan(1);
    // The entry file is a small part of the bundle: less than what no cold start has to load.
    expect(outputs.get('index.mjs')?.bytes).toBeLessThan(sizeOf(lazy));
    // pdf-lib (reports) is in the bundle, but only in chunks reached through import().
    expect(holding('node_modules/pdf-lib/').length).toBeGreaterThan(0);
    for (const [file] of holding('node_modules/pdf-lib/')) expect(eager.has(file)).toBe(false);
  });
});
