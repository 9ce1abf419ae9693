import { readFileSync } from 'node:fs';

// Set by the package build (scripts/cli-pack.ts, esbuild `define`); absent when run from the
// repository, where the version is the root package.json's.
declare const DILIGENCE_CLI_VERSION: string | undefined;

/** The CLI's version: the one baked into the installed package, or the repository's. */
export function cliVersion(): string {
  if (typeof DILIGENCE_CLI_VERSION === 'string') return DILIGENCE_CLI_VERSION;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String((pkg as { version?: unknown }).version ?? 'unknown');
}
