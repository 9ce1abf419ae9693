/**
 * Builds the single-page app into web/dist: content-hashed `app-<hash>.js` and `app-<hash>.css`
 * (minified ESM) with brotli and gzip copies beside them, and index.html linking the hashed
 * names. Hashed files never change, so servers may cache them for a year; index.html must be
 * revalidated. Every file is written to a temporary name and renamed, so a portal serving
 * web/dist during a rebuild never reads half a file. Prints raw, gzip and brotli sizes.
 */

import { mkdirSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildApiDocs } from './api-docs/build';
import { buildDocs } from './docs-site/build';

const webDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(webDir, 'dist');
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** Brotli (quality 11) and gzip (level 9) copies, for servers that send them as they are. */
function compressAll(data: Uint8Array): { br: Buffer; gzip: Buffer } {
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: 11,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
  };
  return { br: brotliCompressSync(data, { params }), gzip: gzipSync(data, { level: 9 }) };
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

mkdirSync(outDir, { recursive: true });

const result = await build({
  entryPoints: { app: join(webDir, 'src/main.tsx') },
  outdir: outDir,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  splitting: true,
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

const written = new Set<string>(['index.html']);
const sizes: { file: string; raw: number; gzip: number; br: number }[] = [];
for (const file of result.outputFiles) {
  const name = relative(outDir, file.path);
  await writeAtomic(file.path, file.contents);
  const packed = compressAll(file.contents);
  await writeAtomic(`${file.path}.br`, packed.br);
  await writeAtomic(`${file.path}.gz`, packed.gzip);
  for (const suffix of ['', '.br', '.gz']) written.add(`${name}${suffix}`);
  sizes.push({
    file: name,
    raw: file.contents.byteLength,
    gzip: packed.gzip.byteLength,
    br: packed.br.byteLength,
  });
}

const entry = (ext: string) =>
  sizes.map((s) => s.file).find((f) => f.startsWith('app-') && f.endsWith(ext)) ?? 'missing';
const template = await readFile(join(webDir, 'index.html'), 'utf8');
const html = template.replace('__APP_JS__', entry('.js')).replace('__APP_CSS__', entry('.css'));
await writeAtomic(join(outDir, 'index.html'), html);
await buildApiDocs(outDir);
written.add('api-docs');
written.add(await buildDocs(outDir));

// Files of earlier builds go last, once the new index.html no longer links them.
for (const name of await readdir(outDir)) {
  if (!written.has(name) && !name.endsWith('.tmp')) await rm(join(outDir, name), { force: true });
}

const byPackage = new Map<string, number>();
for (const [out, info] of Object.entries(result.metafile.outputs)) {
  if (!out.endsWith('.js')) continue;
  for (const [path, input] of Object.entries(info.inputs)) {
    const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? 'web/src';
    const key = `${basename(out).startsWith('app-') ? 'app' : 'lazy chunk'} from ${pkg}`;
    byPackage.set(key, (byPackage.get(key) ?? 0) + input.bytesInOutput);
  }
}

console.log(
  `web build: ${Object.keys(result.metafile.inputs).length} inputs -> ${relative(process.cwd(), outDir)}`,
);
for (const { file, raw, gzip, br } of sizes) {
  console.log(
    `  ${file.padEnd(26)} ${kib(raw).padStart(10)} raw ${kib(gzip).padStart(10)} gzip ${kib(br).padStart(10)} br`,
  );
}
for (const [what, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) {
  console.log(`    ${what}: ${kib(bytes)} (minified, before compression)`);
}
