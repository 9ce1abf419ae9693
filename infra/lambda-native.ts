import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';

/**
 * Packages the bundles leave external (native code or a WebAssembly file found by path at run
 * time): a bundle that imports one gets a `node_modules/` copy of it and its dependencies.
 */
export const NATIVE_EXTERNALS = ['sharp', '@contentauth/c2pa-wasm'] as const;

/**
 * Every package copied beside a bundle that imports sharp or c2pa-wasm, for the functions'
 * linux-arm64 runtime: sharp 0.35 and its three dependencies, its arm64 binding and libvips, and
 * c2pa-wasm (its `.wasm` is read from the package). `npm run lambda:native` installs exactly the
 * lockfile versions of these into {@link LAMBDA_NATIVE_DIR}.
 */
export const LAMBDA_NATIVE_PACKAGES = [
  'sharp',
  '@img/sharp-linux-arm64',
  '@img/sharp-libvips-linux-arm64',
  '@img/colour',
  'detect-libc',
  'semver',
  '@contentauth/c2pa-wasm',
] as const;

/** Where `npm run lambda:native` prepares the packages, relative to the project root. */
export const LAMBDA_NATIVE_DIR = 'build/lambda-native';

/**
 * What bundling does with the native packages: `require` copies them and fails when they were not
 * prepared (deploys: `infra/app.ts` sets it), `skip` copies nothing (tests, which have no network
 * to prepare them and never run a bundle's image code on arm64). From `LAMBDA_NATIVE`, default skip.
 */
export type NativeMode = 'require' | 'skip';

/** The mode from the environment (`LAMBDA_NATIVE=require|skip`); anything else is an error. */
export function nativeModeFromEnv(env: NodeJS.ProcessEnv = process.env): NativeMode {
  const value = env.LAMBDA_NATIVE ?? 'skip';
  if (value !== 'require' && value !== 'skip')
    throw new Error(`LAMBDA_NATIVE must be "require" or "skip", got "${value}".`);
  return value;
}

/** The external native packages the bundle's outputs import (empty: nothing to copy). */
export function nativeImports(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const i of output.imports)
      if (i.external && (NATIVE_EXTERNALS as readonly string[]).includes(i.path)) found.add(i.path);
  return [...found].sort();
}

/**
 * Copies the prepared packages into `outdir/node_modules` when the bundle imports one of them.
 * In `require` mode a missing package stops the bundling with what to run.
 */
export function copyNativePackages(
  projectRoot: string,
  outdir: string,
  metafile: Metafile,
  mode: NativeMode,
): string[] {
  if (mode === 'skip' || nativeImports(metafile).length === 0) return [];
  const from = join(projectRoot, LAMBDA_NATIVE_DIR, 'node_modules');
  const missing = LAMBDA_NATIVE_PACKAGES.filter((p) => !existsSync(join(from, p, 'package.json')));
  if (missing.length > 0)
    throw new Error(
      `The Lambda bundle needs ${missing.join(', ')} for linux-arm64 in ${LAMBDA_NATIVE_DIR}/node_modules, which is missing. Run \`npm run lambda:native\` first (\`npm run synth\` and \`npm run deploy\` do), or set LAMBDA_NATIVE=skip for a synth that is never deployed.`,
    );
  for (const p of LAMBDA_NATIVE_PACKAGES)
    cpSync(join(from, p), join(outdir, 'node_modules', p), { recursive: true });
  return [...LAMBDA_NATIVE_PACKAGES];
}

/**
 * The exact lockfile versions of the native packages, as a package.json `dependencies` object for
 * the install that prepares them (see scripts in package.json, `lambda:native`).
 */
export function lockedNativeVersions(projectRoot: string): Record<string, string> {
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const out: Record<string, string> = {};
  for (const p of LAMBDA_NATIVE_PACKAGES) {
    const version = lock.packages[`node_modules/${p}`]?.version;
    if (!version) throw new Error(`${p} is not in package-lock.json; run npm install first.`);
    out[p] = version;
  }
  return out;
}
