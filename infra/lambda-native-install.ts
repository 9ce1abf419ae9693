/**
 * `npm run lambda:native`: installs the native packages the Lambda bundles carry (sharp with its
 * linux-arm64 binding and libvips, c2pa-wasm) at their exact package-lock.json versions into
 * build/lambda-native/node_modules, for `--os=linux --cpu=arm64`. Run before `cdk synth`, which
 * only copies from there and never installs anything.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAMBDA_NATIVE_DIR, lockedNativeVersions } from './lambda-native';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const dir = join(projectRoot, LAMBDA_NATIVE_DIR);
const locked = lockedNativeVersions(projectRoot);
// The platform packages come in as sharp's optional dependencies, which pin them exactly (npm
// refuses a direct dependency on another platform's package even with --cpu/--os).
const dependencies = Object.fromEntries(
  Object.entries(locked).filter(([p]) => !p.startsWith('@img/sharp-')),
);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'package.json'),
  `${JSON.stringify({ name: 'diligence-lambda-native', private: true, dependencies }, null, 2)}\n`,
);
execFileSync(
  'npm',
  [
    'install',
    '--os=linux',
    '--cpu=arm64',
    '--libc=glibc',
    '--omit=dev',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--no-package-lock',
  ],
  { cwd: dir, stdio: 'inherit' },
);
for (const [p, version] of Object.entries(locked)) {
  const file = join(dir, 'node_modules', p, 'package.json');
  const got = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  if (got !== version) throw new Error(`${p}: installed ${got}, package-lock.json has ${version}.`);
}
process.stdout.write(
  `Prepared ${Object.entries(locked)
    .map(([p, v]) => `${p}@${v}`)
    .join(', ')} in ${LAMBDA_NATIVE_DIR}\n`,
);
