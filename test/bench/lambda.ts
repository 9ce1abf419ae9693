/**
 * Bundles the API Lambda as CDK does (esbuild, ESM, Node 22, minified) and measures its size and
 * cold start: a fresh Node process that imports the bundle and serves one API Gateway event,
 * side by side with a bare `node` process start in the same run.
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

const event = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/api/health',
  rawQueryString: '',
  headers: { host: 'bench.local' },
  requestContext: {
    http: { method: 'GET', path: '/api/health', sourceIp: '127.0.0.1' },
    requestId: 'b',
    stage: '$default',
  },
  isBase64Encoded: false,
};
const driver = join(dir, 'driver.mjs');
await writeFile(
  driver,
  `const t0 = performance.now();
const { handler } = await import(${JSON.stringify(outfile)});
const res = await handler(${JSON.stringify(event)}, {});
if (res.statusCode !== 200) { console.error(res); process.exit(1); }
console.log(JSON.stringify({ importAndServeMs: performance.now() - t0 }));`,
);
const env = {
  ...process.env,
  DILIGENCE_MODE: 'aws',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json',
  AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/pool',
  TABLE_NAME: 'bench',
  LOG_LEVEL: 'silent',
  AWS_REGION: 'eu-west-1',
};

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const out = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const bare = median(Array.from({ length: runs }, () => time(['-e', ''])));
const cold = median(Array.from({ length: runs }, () => time([driver])));
await rm(dir, { recursive: true, force: true });

console.log('API Lambda bundle (esbuild, ESM, minified, AWS SDK bundled)');
console.log(
  `  size           ${(size / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzipped)`,
);
console.log(
  `  cold start     ${cold.toFixed(0)} ms median of ${runs}: new node process, import bundle, serve GET /api/health`,
);
console.log(
  `  bare node      ${bare.toFixed(0)} ms median of ${runs}: new node process doing nothing`,
);
console.log(
  `  ratio          ${(cold / bare).toFixed(2)}x a bare node start (${(cold - bare).toFixed(0)} ms of our own)`,
);
console.log(`  node           ${process.version}`);
