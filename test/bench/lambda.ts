/**
 * Bundles the API Lambda with the deploy's own `bundleLambda` (esbuild, ESM, split into chunks,
 * minified, AWS SDK bundled) and measures its size and cold start: a fresh Node process that
 * imports the bundle and serves one API Gateway event, side by side with a bare `node` process
 * start in the same run: wall time (the cold start), and the CPU time each process reports
 * (steadier when other work shares the machine). For comparison, in the same interleaved run: the
 * same entry as one file (what CDK's NodejsFunction deployed before), and both with
 * `--enable-source-maps` (the flag the functions ran with before; they no longer set it).
 *
 * Usage: npx tsx test/bench/lambda.ts
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleLambda } from '../../infra/bundle';
import { httpApiEvent } from '../fixtures/http-api-event';

const runs = 11;
const dir = await mkdtemp(join(tmpdir(), 'diligence-lambda-bench-'));
const build = (name: string, splitting: boolean) =>
  bundleLambda({
    projectRoot: process.cwd(),
    entry: 'functions/api/lambda.ts',
    outdir: join(dir, name),
    splitting,
  });
const split = build('split', true);
// The floor: the least a hono Lambda does, bundled the same way.
const minimal = bundleLambda({
  projectRoot: process.cwd(),
  entry: 'test/bench/fixtures/minimal-hono-lambda.ts',
  outdir: join(dir, 'minimal'),
});
const single = build('single', false);
const outputs = Object.entries(split.metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
const entrySize = split.metafile.outputs['index.mjs']?.bytes ?? 0;
const totalSize = outputs.reduce((sum, [, out]) => sum + out.bytes, 0);
const entryGz = gzipSync(readFileSync(split.entryFile)).length;
const singleSize = single.metafile.outputs['index.mjs']?.bytes ?? 0;

/** CPU the process used (all threads, bootstrap included), printed as its last line. */
const printCpu = 'const u = process.cpuUsage(); console.log((u.user + u.system) / 1000);';

/** A driver script: import `entry`, serve one event, exit non-zero on a surprise status. */
async function driver(entry: string, path: string, status: number): Promise<string> {
  const file = join(dir, `driver-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(
    file,
    `const { handler } = await import(${JSON.stringify(entry)});
const res = await handler(${JSON.stringify(httpApiEvent('GET', path))}, {});
if (res.statusCode !== ${status}) { console.error(res); process.exit(1); }
${printCpu}`,
  );
  return file;
}
const env = {
  ...process.env,
  DILIGENCE_MODE: 'aws',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json',
  AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/pool',
  TABLE_NAME: 'bench',
  LOG_LEVEL: 'silent',
  AWS_REGION: 'eu-west-1',
};
const maps = '--enable-source-maps';
// GET /api/config is public, the web app's first request; the 401 is a staff route without a
// token: it loads the assessment routers and answers without fetching the JWKS.
const requests = {
  health: ['/api/health', 200],
  config: ['/api/config', 200],
  '401 (staff)': ['/api/assessments', 401],
} as const;
/** label → node arguments; the first group is what deploys now. */
const cases: Record<string, string[]> = {
  'bare node': ['-e', printCpu],
  // Touching Request/Response makes Node load its fetch implementation (undici): every hono app
  // pays it on its first request.
  'floor: Request+Response': [
    '--input-type=module',
    '-e',
    `await new Response(new Request('https://b/').url).text(); ${printCpu}`,
  ],
  'floor: minimal hono Lambda': [await driver(minimal.entryFile, '/api/health', 200)],
};
for (const [name, [path, status]] of Object.entries(requests)) {
  const splitDriver = await driver(split.entryFile, path, status);
  cases[name] = [splitDriver];
  if (name === 'config') continue;
  const singleDriver = await driver(single.entryFile, path, status);
  cases[`${name}, one file`] = [singleDriver];
  cases[`${name} + maps`] = [maps, splitDriver];
  cases[`${name}, one file + maps`] = [maps, singleDriver];
}

type Run = { wall: number; cpu: number };
/** Wall time of one fresh process, and the CPU time it reports using. */
function time(args: string[]): Run {
  const start = process.hrtime.bigint();
  const out = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  return { wall, cpu: Number(out.stdout.trim().split('\n').at(-1)) };
}
const runsOf = new Map(Object.keys(cases).map((k) => [k, [] as Run[]]));
// Interleaved, so a machine busy with other work slows every case alike.
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(cases)) runsOf.get(name)?.push(time(args));
}
await rm(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const wall = (name: string) => median((runsOf.get(name) ?? []).map((x) => x.wall));
const cpu = (name: string) => median((runsOf.get(name) ?? []).map((x) => x.cpu));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;
console.log('API Lambda bundle (infra/bundle.ts: esbuild, ESM, split, minified, AWS SDK bundled)');
console.log(`  entry file   ${kib(entrySize)} (index.mjs, ${kib(entryGz)} gzipped)`);
console.log(`  total        ${kib(totalSize)} in ${outputs.length} files (entry + chunks)`);
console.log(`  one file     ${kib(singleSize)} (the same entry without splitting)`);
console.log(`  medians of ${runs} fresh processes each, interleaved; ratios to a bare node start:`);
console.log(`  ${'case'.padEnd(28)}   wall (ratio)        CPU (ratio)`);
for (const name of Object.keys(cases)) {
  const w = `${ms(wall(name))} (${(wall(name) / wall('bare node')).toFixed(2)}x)`;
  const c = `${ms(cpu(name))} (${(cpu(name) / cpu('bare node')).toFixed(2)}x)`;
  console.log(`  ${name.padEnd(28)} ${w.padEnd(19)} ${c}`);
}
for (const name of ['health', 'config', '401 (staff)']) {
  console.log(
    `  ${name}: ${(wall(name) - wall('floor: minimal hono Lambda')).toFixed(0)} ms wall, ${(cpu(name) - cpu('floor: minimal hono Lambda')).toFixed(0)} ms CPU above the minimal hono Lambda`,
  );
}
for (const name of ['health', '401 (staff)']) {
  const saved = (a: string, b: string) => `${(wall(a) - wall(b)).toFixed(0)} ms`;
  console.log(
    `  ${name}: splitting saves ${saved(`${name}, one file`, name)}; ${maps} costs ${saved(`${name} + maps`, name)}; before (one file + maps) → now: ${(wall(`${name}, one file + maps`) / wall('bare node')).toFixed(2)}x → ${(wall(name) / wall('bare node')).toFixed(2)}x`,
  );
}
console.log(`  node         ${process.version}`);
