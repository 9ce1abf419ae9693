import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Metafile } from 'esbuild';

/** Every file under `dir`, as sorted paths relative to it with `/` separators. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/**
 * Runs an ES module `script` in a fresh plain Node process (no tsx, no flags: worker threads
 * inherit them, `--input-type` included) and returns its stdout.
 */
export function runModule(script: string, env: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'diligence-run-'));
  writeFileSync(join(dir, 'main.mjs'), script);
  try {
    return runFile(join(dir, 'main.mjs'), env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runFile(file: string, env: Record<string, string>): string {
  return execFileSync(process.execPath, [file], {
    env: {
      PATH: process.env.PATH,
      DILIGENCE_MODE: 'aws',
      AWS_REGION: 'eu-west-1',
      AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json',
      LOG_LEVEL: 'silent',
      ...env,
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
}

/** The `.mjs` outputs of a build, by their path in the bundle. */
export function codeOutputs(metafile: Metafile): Map<string, Metafile['outputs'][string]> {
  return new Map(Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.mjs')));
}

/**
 * Output files a cold start loads before the handler runs: the entry and every chunk it imports
 * statically, transitively (what `import()` reaches is left for the requests that need it).
 */
export function staticClosure(
  outputs: Map<string, Metafile['outputs'][string]>,
  entry = 'index.mjs',
): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of outputs.get(file)?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path);
    }
  }
  return seen;
}
