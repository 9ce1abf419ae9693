import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLambdaAsync } from '../../infra/bundle';
import { projectRoot } from './synth';

let outdir: string;
let meta: Metafile;
beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'diligence-cold-path-'));
  meta = (await bundleLambdaAsync({ projectRoot, entry: 'functions/api/lambda.ts', outdir }))
    .metafile;
}, 120_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** The output file built for `entry` (an entry point or a dynamically imported module). */
function outputOf(entry: string): string {
  const found = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entry);
  if (!found) throw new Error(`no output file for ${entry}`);
  return found[0];
}

/** The files Node evaluates when it loads `entries`: their static imports, transitively. */
function loadedBy(entries: string[]): string[] {
  const seen = new Set<string>();
  const stack = entries.map(outputOf);
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) {
      if (i.kind === 'import-statement' && meta.outputs[i.path]) stack.push(i.path);
    }
  }
  return [...seen];
}

/** The source files (inputs) bundled into `files`. */
function inputsOf(files: string[]): string[] {
  return files.flatMap((f) => Object.keys(meta.outputs[f]?.inputs ?? {}));
}

/** Packages (as `node_modules/<name>/`) among `inputs`. */
const heavy = ['@aws-sdk/', '@smithy/', 'pdf-lib/', 'jose/', 'csv-parse/', 'zod/v4/locales/'];
const heavyIn = (inputs: string[]) =>
  heavy.filter((pkg) =>
    inputs.some((i) => i.includes(`node_modules/${pkg}`) && !i.endsWith('zod/v4/locales/en.js')),
  );

const lambda = 'functions/api/lambda.ts';
describe('API Lambda cold path (the deployed bundle)', () => {
  it('serves the health check and /api/config without the AWS SDK, pdf-lib, jose or zod locales', () => {
    for (const group of [
      'functions/api/routes/health/index.ts',
      'functions/api/routes/meta/index.ts',
    ]) {
      expect(heavyIn(inputsOf(loadedBy([lambda, group]))), group).toEqual([]);
    }
  });

  it('loads the SDK with the data side, and pdf-lib only with the first PDF', () => {
    const data = inputsOf(loadedBy([lambda, 'functions/api/lambda-data.ts']));
    expect(heavyIn(data)).toEqual(expect.arrayContaining(['@aws-sdk/', '@smithy/']));
    // DynamoDB only: the S3 client loads with the first blob, presign or multipart call.
    const s3 = (inputs: string[]) =>
      inputs.some((i) => i.includes('node_modules/@aws-sdk/client-s3/'));
    expect(s3(data)).toBe(false);
    expect(s3(inputsOf(loadedBy(['functions/api/lambda-s3.ts'])))).toBe(true);
    const everyRouteGroup = Object.values(meta.outputs)
      .map((o) => o.entryPoint ?? '')
      .filter((e) => e.startsWith('functions/api/routes/'));
    expect(everyRouteGroup.length).toBeGreaterThan(8);
    const routes = inputsOf(loadedBy([lambda, 'functions/api/lambda-data.ts', ...everyRouteGroup]));
    expect(heavyIn(routes)).not.toContain('pdf-lib/');
    const pdf = inputsOf(loadedBy(['functions/core/report/pdf.ts']));
    expect(heavyIn(pdf)).toContain('pdf-lib/');
  });

  it('keeps zod tree-shaken: under half of what `import { z } from "zod"` bundles', () => {
    const zodBytes = (m: Metafile) =>
      Object.values(m.outputs)
        .flatMap((o) => Object.entries(o.inputs))
        .filter(([input]) => input.includes('node_modules/zod/'))
        .reduce((sum, [, v]) => sum + v.bytesInOutput, 0);
    // The form @hono/zod-openapi uses internally: the assembled `z`, locales and all.
    const whole = buildSync({
      stdin: {
        contents: "import { z } from 'zod'; console.log(z.string());",
        resolveDir: projectRoot,
      },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      platform: 'node',
      metafile: true,
      logLevel: 'silent',
    }).metafile;
    expect(zodBytes(meta)).toBeLessThan(zodBytes(whole) / 2);
  });
});
