/**
 * Bundles the API Lambda as CDK does (esbuild, ESM, Node 22, minified) and measures its size and
 * cold start: a fresh Node process that imports the bundle and serves one API Gateway event,
 * side by side with a bare `node` process start in the same run: wall time (the cold start), and
 * the CPU time each process reports (steadier when other work shares the machine).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const runs = 7;
const dir = await mkdtemp(join(tmpdir(), 'diligence-lambda-bench-'));
const outfile = join(dir, 'index.mjs');
await build({
  entryPoints: ['functions/api/lambda.ts'],
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: false,
  outfile,
  mainFields: ['module', 'main'],
  banner: {
    js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'error',
});
const size = (await stat(outfile)).size;
const gz = gzipSync(readFileSync(outfile)).length;

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
const { handler } = await import(${JSON.stringify(outfile)});
const res = await handler(${JSON.stringify(event(path))}, {});
if (res.statusCode !== ${status}) { console.error(res); process.exit(1); }
console.log(JSON.stringify({ importAndServeMs: performance.now() - t0 }));
${printCpu}`,
  );
  return file;
}
const health = await driver('health', '/api/health', 200);
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

/** Wall time of one fresh process, and the CPU time it reports using. */
function time(args: string[]): { wall: number; cpu: number } {
  const start = process.hrtime.bigint();
  const out = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  return { wall, cpu: Number(out.stdout.trim().split('\n').at(-1)) };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
// Interleaved, so a machine busy with other work slows all three alike.
const runsOf = { bare: [] as Run[], health: [] as Run[], staff: [] as Run[] };
type Run = { wall: number; cpu: number };
for (let i = 0; i < runs; i++) {
  runsOf.bare.push(time(['-e', printCpu]));
  runsOf.health.push(time([health]));
  runsOf.staff.push(time([staffRoute]));
}
const wall = (xs: Run[]) => median(xs.map((x) => x.wall));
const cpu = (xs: Run[]) => median(xs.map((x) => x.cpu));
await rm(dir, { recursive: true, force: true });

const row = (label: string, xs: Run[], what: string) =>
  console.log(
    `  ${label.padEnd(14)} ${wall(xs).toFixed(0).padStart(5)} ms wall, ${cpu(xs).toFixed(0).padStart(4)} ms CPU: ${what}`,
  );
const ratio = (label: string, xs: Run[]) =>
  console.log(
    `  ${label.padEnd(14)} ${(wall(xs) / wall(runsOf.bare)).toFixed(2)}x a bare node start (${(wall(xs) - wall(runsOf.bare)).toFixed(0)} ms of our own); CPU ${(cpu(xs) / cpu(runsOf.bare)).toFixed(2)}x`,
  );
console.log('API Lambda bundle (esbuild, ESM, minified, AWS SDK bundled)');
console.log(
  `  size           ${(size / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzipped)`,
);
console.log(`  medians of ${runs} fresh processes each, interleaved:`);
row('cold start', runsOf.health, 'import the bundle, serve GET /api/health');
row('cold start 401', runsOf.staff, 'same, GET /api/assessments without a token');
row('bare node', runsOf.bare, 'a node process doing nothing');
ratio('ratio', runsOf.health);
ratio('ratio (401)', runsOf.staff);
console.log(`  node           ${process.version}`);
