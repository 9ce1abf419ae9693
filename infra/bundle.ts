import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import {
  copyNativePackages,
  NATIVE_EXTERNALS,
  type NativeMode,
  nativeModeFromEnv,
} from './lambda-native';
import { zodNamespacePlugin } from './zod-namespace';

/**
 * Defines `require` in every output file: ESM has none, and bundled CommonJS dependencies (parts
 * of the AWS SDK, csv-parse, pdf-lib…) call it for Node built-ins.
 */
export const REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * Folder of the bundle that holds the shared chunks; entry files sit at the bundle's root
 * (functions/analyze/shards/pool.ts finds `worker.mjs` by this layout).
 */
export const CHUNK_DIR = 'chunks';

/**
 * Data files a bundled module reads at run time, relative to the working directory (the bundle's
 * root in Lambda): copied into every bundle that contains the module, at the same path.
 */
export const RUNTIME_ASSETS: Readonly<Record<string, readonly string[]>> = {
  // the fingerprint packs shipped with the portal (see BUILTIN_PACKS_DIR)
  'functions/api/services/builtin-packs.ts': ['functions/core/analysis/fingerprints/packs'],
};

/** What to bundle: one Lambda entry, plus the worker-thread entries its code starts. */
export interface BundleOptions {
  /** Absolute path of the repository root (esbuild resolves `node_modules` from it). */
  readonly projectRoot: string;
  /** The Lambda entry, relative to the project root; it must export `handler`. */
  readonly entry: string;
  /** Empty directory the bundle is written to (a CDK bundling output directory). */
  readonly outdir: string;
  /**
   * Extra entry points, by output name (`worker` → `worker.mjs` at the bundle's root), relative
   * to the project root: modules the code starts as worker threads. They share chunks with the
   * handler instead of carrying a second copy of the analysis code.
   */
  readonly workers?: Readonly<Record<string, string>>;
  /** Write `.map` files beside the outputs (default true; see {@link bundleLambda}). */
  readonly sourceMap?: boolean;
  /**
   * Split into chunks (default true). False gives the single file CDK's `NodejsFunction` used
   * to deploy; only the bench sets it, to measure what splitting saves side by side.
   */
  readonly splitting?: boolean;
  /**
   * The native packages (sharp, c2pa-wasm) stay external; `require` copies their linux-arm64 build
   * from `build/lambda-native` beside a bundle that imports them and fails if it is missing, `skip`
   * copies nothing. Default: `LAMBDA_NATIVE` from the environment, else skip (see lambda-native.ts).
   */
  readonly native?: NativeMode;
}

/** What a bundle consists of, for the construct (the directory) and tests (the metafile). */
export interface Bundle {
  readonly outdir: string;
  /** Output file of the handler, `index.mjs` (the function's handler is `index.handler`). */
  readonly entryFile: string;
  /** esbuild's record of every output file (paths relative to the bundle), its size and inputs. */
  readonly metafile: Metafile;
}

/**
 * Bundles a Lambda entry exactly as it is deployed: ESM (`index.mjs`, handler `index.handler`),
 * Node 22, minified, the AWS SDK bundled too (the code relies on client options newer than the
 * runtime's copy), and code splitting: everything the handler reaches only through a dynamic
 * `import()` (the API's routers, pdf-lib, the report and scoring code…) becomes a chunk under
 * `chunks/` that Node parses and compiles only when a request needs it, so a cold start pays for
 * what it serves, not for the whole 2 MiB. `bundleLambda` is the synchronous form CDK's local
 * bundling requires.
 *
 * Source maps: the `.map` files are written (mappings only, no sources: they double the zipped
 * asset, about 0.6 → 1.3 MB for the API, which Lambda fetches once per new container), but the
 * functions do NOT run with `--enable-source-maps`. `npx tsx test/bench/lambda.ts` measures that
 * flag side by side: it costs a cold start about as much as the code splitting saves (Node reads
 * and parses the map of every file it loads). The trade-off: stack traces in CloudWatch show
 * minified names and `index.mjs`/`chunks/…` line:column positions, not TypeScript lines. The
 * `.map` beside each file maps them back offline (the bundle is laid out as if it sat at the
 * project root, so the maps' `sources` resolve to `functions/…` and `node_modules/…` in a
 * checkout); or set NODE_OPTIONS=--enable-source-maps on one function while investigating.
 */
export async function bundleLambdaAsync(options: BundleOptions): Promise<Bundle> {
  const source = (file: string) => (isAbsolute(file) ? file : join(options.projectRoot, file));
  const entryPoints: Record<string, string> = { index: source(options.entry) };
  for (const [name, file] of Object.entries(options.workers ?? {})) {
    if (name === 'index') throw new Error('A worker entry cannot be named "index" (the handler).');
    entryPoints[name] = source(file);
  }
  const result = await build({
    absWorkingDir: options.projectRoot,
    entryPoints,
    // Laid out as if at the project root, written below: the bundle (source maps included, whose
    // paths are relative to their file) and the metafile's paths never depend on where CDK stages
    // it, so the output-hashed asset stays the same across checkouts and machines.
    outdir: options.projectRoot,
    write: false,
    entryNames: '[name]',
    splitting: options.splitting ?? true,
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: options.sourceMap ?? true,
    sourcesContent: false,
    banner: { js: REQUIRE_BANNER },
    // The AWS SDK is bundled (see above); only native code and a path-loaded .wasm stay outside,
    // copied into the bundle's node_modules for linux-arm64 (see lambda-native.ts).
    external: [...NATIVE_EXTERNALS],
    metafile: true,
    logLevel: 'error',
    // Keeps zod tree-shakable (see zod-namespace.ts); plugins need esbuild's asynchronous API.
    plugins: [zodNamespacePlugin()],
  });
  for (const file of result.outputFiles) {
    const target = join(options.outdir, relative(options.projectRoot, file.path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  for (const [module, dirs] of Object.entries(RUNTIME_ASSETS)) {
    if (!(module in result.metafile.inputs)) continue;
    for (const dir of dirs)
      cpSync(join(options.projectRoot, dir), join(options.outdir, dir), {
        recursive: true,
        filter: (path) => !path.endsWith('.ts'),
      });
  }
  const native = options.native ?? nativeModeFromEnv();
  copyNativePackages(options.projectRoot, options.outdir, result.metafile, native);
  return {
    outdir: options.outdir,
    entryFile: join(options.outdir, 'index.mjs'),
    metafile: result.metafile,
  };
}

/** The script `bundleLambda` runs in a child process. */
const childScript = fileURLToPath(new URL('./bundle-child.ts', import.meta.url));

/**
 * `bundleLambdaAsync`, synchronously, as CDK's local bundling (`tryBundle`) must be: esbuild runs
 * plugins only in its asynchronous API, so the build runs in a child Node process (through tsx,
 * as the CDK app itself runs) and this waits for it; the child hands the metafile back in a file.
 */
export function bundleLambda(options: BundleOptions): Bundle {
  const scratch = mkdtempSync(join(tmpdir(), 'diligence-bundle-'));
  try {
    const metafilePath = join(scratch, 'metafile.json');
    execFileSync(
      process.execPath,
      ['--import', 'tsx', childScript, JSON.stringify(options), metafilePath],
      { cwd: options.projectRoot, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    return {
      outdir: options.outdir,
      entryFile: join(options.outdir, 'index.mjs'),
      metafile: JSON.parse(readFileSync(metafilePath, 'utf8')) as Metafile,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
