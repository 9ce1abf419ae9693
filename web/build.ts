/**
 * Builds the single-page app into web/dist: app.js (ESM, minified), app.css and index.html,
 * whose asset links carry a content hash as a cache-busting query. Prints raw and gzip sizes.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildApiDocs } from './api-docs/build';

const webDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(webDir, 'dist');

const shortHash = (data: Uint8Array): string =>
  createHash('sha256').update(data).digest('hex').slice(0, 12);

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

const result = await build({
  entryPoints: { app: join(webDir, 'src/main.tsx') },
  outdir: outDir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  sourcemap: false,
  metafile: true,
  write: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});

const hashes: Record<string, string> = {};
const sizes: { file: string; raw: number; gzip: number }[] = [];
for (const file of result.outputFiles) {
  await writeFile(file.path, file.contents);
  const name = relative(outDir, file.path);
  hashes[name] = shortHash(file.contents);
  sizes.push({
    file: name,
    raw: file.contents.byteLength,
    gzip: gzipSync(file.contents).byteLength,
  });
}

const template = await readFile(join(webDir, 'index.html'), 'utf8');
const html = template
  .replace('__JS_HASH__', hashes['app.js'] ?? 'missing')
  .replace('__CSS_HASH__', hashes['app.css'] ?? 'missing');
await writeFile(join(outDir, 'index.html'), html);
await buildApiDocs(outDir);

const inputs = Object.entries(result.metafile.inputs);
const byPackage = new Map<string, number>();
const jsOutput = result.metafile.outputs[relative(process.cwd(), join(outDir, 'app.js'))];
for (const [path, info] of Object.entries(jsOutput?.inputs ?? {})) {
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? 'web/src';
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.bytesInOutput);
}

console.log(`web build: ${inputs.length} inputs -> ${relative(process.cwd(), outDir)}`);
for (const { file, raw, gzip } of sizes) {
  console.log(`  ${file.padEnd(10)} ${kib(raw).padStart(10)} raw  ${kib(gzip).padStart(10)} gzip`);
}
const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), {
  raw: 0,
  gzip: 0,
});
console.log(
  `  ${'total'.padEnd(10)} ${kib(total.raw).padStart(10)} raw  ${kib(total.gzip).padStart(10)} gzip`,
);
for (const [pkg, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) {
  console.log(`    app.js from ${pkg}: ${kib(bytes)} (minified, before gzip)`);
}
