import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLambdaAsync } from '../../infra/bundle';
import { ANALYZE_WORKERS } from '../../infra/constructs/analyzer';
import {
  copyNativePackages,
  LAMBDA_NATIVE_DIR,
  LAMBDA_NATIVE_PACKAGES,
  lockedNativeVersions,
  nativeImports,
  nativeModeFromEnv,
} from '../../infra/lambda-native';
import { projectRoot } from './synth';

let outdir: string;
let meta: Metafile;
const scratch: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};

beforeAll(async () => {
  outdir = temp('diligence-native-');
  meta = (
    await bundleLambdaAsync({
      projectRoot,
      entry: 'functions/analyze/lambda.ts',
      workers: ANALYZE_WORKERS,
      outdir,
      native: 'skip',
    })
  ).metafile;
}, 180_000);
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('native packages of the analyzer bundle', () => {
  it('leaves sharp and c2pa-wasm external instead of bundling their code', () => {
    expect(nativeImports(meta)).toEqual(['@contentauth/c2pa-wasm', 'sharp']);
    const inputs = Object.keys(meta.inputs);
    expect(inputs.some((i) => i.includes('node_modules/sharp/'))).toBe(false);
    expect(inputs.some((i) => i.includes('node_modules/@contentauth/c2pa-wasm/'))).toBe(false);
  });

  it('copies the linux-arm64 packages from the prepared folder in require mode', () => {
    const root = temp('diligence-native-root-');
    for (const p of LAMBDA_NATIVE_PACKAGES) {
      const dir = join(root, LAMBDA_NATIVE_DIR, 'node_modules', p);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: p }));
    }
    const target = temp('diligence-native-out-');
    const copied = copyNativePackages(root, target, meta, 'require');
    expect(copied).toContain('@img/sharp-linux-arm64');
    expect(copied).toContain('@img/sharp-libvips-linux-arm64');
    for (const p of LAMBDA_NATIVE_PACKAGES)
      expect(
        JSON.parse(readFileSync(join(target, 'node_modules', p, 'package.json'), 'utf8')).name,
      ).toBe(p);
  });

  it('fails with what to run when the packages were not prepared, unless skipped', () => {
    const root = temp('diligence-native-empty-');
    const target = temp('diligence-native-out-');
    expect(() => copyNativePackages(root, target, meta, 'require')).toThrow(
      /npm run lambda:native/,
    );
    expect(copyNativePackages(root, target, meta, 'skip')).toEqual([]);
  });

  it('reads the mode from LAMBDA_NATIVE, skip by default, anything else refused', () => {
    expect(nativeModeFromEnv({})).toBe('skip');
    expect(nativeModeFromEnv({ LAMBDA_NATIVE: 'require' })).toBe('require');
    expect(() => nativeModeFromEnv({ LAMBDA_NATIVE: 'yes' })).toThrow(/require.*skip/);
  });

  it('prepares exactly the lockfile versions, the arm64 binding matching sharp', () => {
    const versions = lockedNativeVersions(projectRoot);
    expect(Object.keys(versions).sort()).toEqual([...LAMBDA_NATIVE_PACKAGES].sort());
    const sharp = JSON.parse(
      readFileSync(join(projectRoot, 'node_modules/sharp/package.json'), 'utf8'),
    ) as { version: string; optionalDependencies: Record<string, string> };
    expect(versions.sharp).toBe(sharp.version);
    for (const p of ['@img/sharp-linux-arm64', '@img/sharp-libvips-linux-arm64'])
      expect(versions[p]).toBe(sharp.optionalDependencies[p]);
  });
});
