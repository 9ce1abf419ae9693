/**
 * `npm run cli:pack`: the vendor CLI as a package of its own. Bundles functions/cli/entry.ts into
 * plain JavaScript (esbuild, code-split so `--help` loads no command), writes a package.json
 * without dependencies, the package README (scripts/cli-pack/README.md) and `npm pack`s it into
 * `dist/` as one tarball. Usage: npx tsx scripts/cli-pack.ts [--out <dir>]
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { REQUIRE_BANNER } from '../infra/bundle';
import { zodNamespacePlugin } from '../infra/zod-namespace';

/** The published package's name; its command is `diligence`. */
export const CLI_PACKAGE_NAME = 'diligence-cli';
/** The bundle's entry file inside the package (its `bin`). */
export const CLI_ENTRY = 'cli.mjs';

/** What {@link packCli} produced. */
export interface CliPack {
  /** Absolute path of the tarball (`<outDir>/diligence-cli-<version>.tgz`). */
  readonly tarball: string;
  /** The package.json written into the tarball. */
  readonly manifest: Record<string, unknown>;
  /** esbuild's record of the bundle (output paths relative to the package folder). */
  readonly metafile: Metafile;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The package.json of the CLI package, from the repository's (same version and engines). */
export function cliManifest(root: Record<string, unknown>): Record<string, unknown> {
  return {
    name: CLI_PACKAGE_NAME,
    version: root.version,
    description:
      'Check a dataset sample before you upload it to a Diligence portal: the same analysis, offline.',
    type: 'module',
    bin: { diligence: CLI_ENTRY },
    files: [CLI_ENTRY, 'chunks/', 'README.md', ...(root.license ? ['LICENSE'] : [])],
    engines: root.engines ?? { node: '>=22' },
    ...(root.license ? { license: root.license } : {}),
    keywords: ['dataset', 'due-diligence', 'data-quality', 'cli'],
  };
}

/** Bundles the CLI into `dir` (code-split ESM for Node 22, minified, version baked in). */
export async function bundleCli(dir: string, version: string, root = repoRoot): Promise<Metafile> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: join(root, 'functions/cli/entry.ts') },
    outdir: dir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    banner: { js: REQUIRE_BANNER },
    define: { DILIGENCE_CLI_VERSION: JSON.stringify(version) },
    metafile: true,
    logLevel: 'error',
    plugins: [zodNamespacePlugin()],
  });
  return result.metafile;
}

/** Builds the package in a scratch folder and `npm pack`s it into `outDir` (older tarballs of it removed). */
export async function packCli(outDir = join(repoRoot, 'dist'), root = repoRoot): Promise<CliPack> {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const manifest = cliManifest(rootManifest);
  const staging = mkdtempSync(join(tmpdir(), 'diligence-cli-pack-'));
  try {
    const metafile = await bundleCli(staging, String(manifest.version), root);
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const readme = readFileSync(join(root, 'scripts/cli-pack/README.md'), 'utf8');
    writeFileSync(
      join(staging, 'README.md'),
      readme.replaceAll('__VERSION__', String(manifest.version)),
    );
    if (existsSync(join(root, 'LICENSE'))) cpSync(join(root, 'LICENSE'), join(staging, 'LICENSE'));
    mkdirSync(outDir, { recursive: true });
    for (const old of readdirSync(outDir))
      if (old.startsWith(`${CLI_PACKAGE_NAME}-`) && old.endsWith('.tgz')) rmSync(join(outDir, old));
    const out = execFileSync(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', resolve(outDir)],
      { cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const [packed] = JSON.parse(out) as { filename: string }[];
    if (!packed) throw new Error(`npm pack wrote no tarball: ${out}`);
    return { tarball: join(resolve(outDir), packed.filename), manifest, metafile };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const { tarball } = await packCli(values.out ? resolve(values.out) : undefined);
  process.stdout.write(`${tarball}\n`);
}
