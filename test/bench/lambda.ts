/**
 * Bundles the API Lambda with the deploy's own `bundleLambda` (esbuild, ESM, split into chunks,
 * minified, AWS SDK bundled) and measures its size and cold start: a fresh Node process that
 * imports the bundle and serves one API Gateway event, side by side with a bare `node` process
 * start in the same run: wall time (the cold start), and the CPU time each process reports
 * (steadier when other work shares the machine). The same requests also run with
 * `--enable-source-maps`, the flag the functions no longer set, to show what it would cost.
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

const runs = 7;
const dir = await mkdtemp(join(tmpdir(), 'diligence-lambda-bench-'));
const bundle = bundleLambda({
  projectRoot: process.cwd(),
  entry: 'functions/api/lambda.ts',
  outdir: join(dir, 'bundle'),
});
const outputs = Object.entries(bundle.metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
const entryOutput = outputs.find(([file]) => file === 'index.mjs');
if (!entryOutput) throw new Error('the bundle has no index.mjs');
const entrySize = entryOutput[1].bytes;
const totalSize = outputs.reduce((sum, [, out]) => sum + out.bytes, 0);
const entryGz = gzipSync(readFileSync(bundle.entryFile)).length;

/** CPU the process used (all threads, bootstrap included), printed as its last line. */
const printCpu = 'const u = process.cpuUsage(); console.log((u.user + u.system) / 1000);';

/** An API Gateway (HTTP API v2) GET event for `path`. */
const event = (path: string) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'bench.local' },
  requestContext: {
    http: { method: 'GET', path, sourceIp: '127.0.0.1' },
    requestId: 'b',
    stage: '$default',
  },
  isBase64Encoded: false,
});
/** A driver script: import the bundle, serve one event, exit non-zero on a surprise status. */
async function driver(name: string, path: string, status: number): Promise<string> {
  const file = join(dir, `${name}.mjs`);
  await writeFile(
    file,
    `const t0 = performance.now();
const { handler } = await import(${JSON.stringify(bundle.entryFile)});
const res = await handler(${JSON.stringify(event(path))}, {});
if (res.statusCode !== ${status}) { console.error(res); process.exit(1); }
console.log(JSON.stringify({ importAndServeMs: performance.now() - t0 }));
${printCpu}`,
  );
  return file;
}
const health = await driver('health', '/api/health', 200);
// Public: the first request the web app makes (its sign-in settings).
const config = await driver('config', '/api/config', 200);
// A staff route without a token: loads the assessment routers and answers 401 (no JWKS fetch).
const staffRoute = await driver('staff', '/api/assessments', 401);
const env = {
  ...process.env,
  DILIGENCE_MODE: 'aws',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json',
  AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/pool',
  TABLE_NAME: 'bench',
  LOG_LEVEL: 'silent',
  AWS_REGION: 'eu-west-1',
};

type Run = { wall: number; cpu: number };
/** Wall time of one fresh process, and the CPU time it reports using. */
function time(args: string[]): Run {
  const start = process.hrtime.bigint();
  const out = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  return { wall, cpu: Number(out.stdout.trim().split('\n').at(-1)) };
}
const maps = '--enable-source-maps';
const cases = {
  bare: ['-e', printCpu],
  health: [health],
  config: [config],
  staff: [staffRoute],
  healthMaps: [maps, health],
  staffMaps: [maps, staffRoute],
};
type Case = keyof typeof cases;
const runsOf = Object.fromEntries(Object.keys(cases).map((k) => [k, [] as Run[]])) as Record<
  Case,
  Run[]
>;
// Interleaved, so a machine busy with other work slows every case alike.
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(cases)) runsOf[name as Case].push(time(args));
}
await rm(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const wall = (name: Case) => median(runsOf[name].map((x) => x.wall));
const cpu = (name: Case) => median(runsOf[name].map((x) => x.cpu));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const row = (label: string, name: Case, what: string) =>
  console.log(
    `  ${label.padEnd(19)} ${wall(name).toFixed(0).padStart(5)} ms wall, ${cpu(name).toFixed(0).padStart(4)} ms CPU: ${what}`,
  );
const ratio = (label: string, name: Case) =>
  console.log(
    `  ${label.padEnd(19)} ${(wall(name) / wall('bare')).toFixed(2)}x a bare node start (${(wall(name) - wall('bare')).toFixed(0)} ms of our own); CPU ${(cpu(name) / cpu('bare')).toFixed(2)}x`,
  );
console.log('API Lambda bundle (infra/bundle.ts: esbuild, ESM, split, minified, AWS SDK bundled)');
console.log(`  entry file       ${kib(entrySize)} (index.mjs, ${kib(entryGz)} gzipped)`);
console.log(`  total            ${kib(totalSize)} in ${outputs.length} files (entry + chunks)`);
console.log(`  medians of ${runs} fresh processes each, interleaved:`);
row('cold start', 'health', 'import the bundle, serve GET /api/health');
row('cold start config', 'config', 'same, GET /api/config (the web app’s first request)');
row('cold start 401', 'staff', 'same, GET /api/assessments without a token');
row('health + maps', 'healthMaps', `GET /api/health with ${maps}`);
row('401 + maps', 'staffMaps', `GET /api/assessments with ${maps}`);
row('bare node', 'bare', 'a node process doing nothing');
ratio('ratio', 'health');
ratio('ratio (config)', 'config');
ratio('ratio (401)', 'staff');
ratio('ratio (health+maps)', 'healthMaps');
ratio('ratio (401+maps)', 'staffMaps');
console.log(
  `  source maps      ${maps} adds ${(wall('healthMaps') - wall('health')).toFixed(0)} ms (health), ${(wall('staffMaps') - wall('staff')).toFixed(0)} ms (401)`,
);
console.log(`  node           ${process.version}`);
