import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** Where {@link installCliTarball} put the package. */
export interface InstalledCli {
  /** The `node_modules/.bin/diligence` link a vendor's `npx diligence` runs. */
  readonly bin: string;
  /** The environment it was installed with: this Node first on PATH, no registry to reach. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Installs a CLI tarball as a vendor would, into `folder` (created, with a package.json of its own
 * so npm does not install into a project further up), with `--offline`, an empty npm cache
 * `cache` and an unreachable registry: a dependency to fetch would fail the install.
 */
export async function installCliTarball(
  tarball: string,
  folder: string,
  cache: string,
): Promise<InstalledCli> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.toLowerCase().startsWith('npm_')) env[k] = v;
  env.PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
  env.npm_config_cache = cache;
  // A registry nothing listens on: any request npm or npx made would fail, not quietly succeed.
  env.npm_config_registry = 'http://127.0.0.1:9/';
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'package.json'), '{ "name": "vendor-check", "private": true }\n');
  await promisify(execFile)('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
    cwd: folder,
    env,
  });
  return { bin: join(folder, 'node_modules', '.bin', 'diligence'), env };
}
