import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './synth';

/** Every Lambda entry point of the stack. */
const ENTRIES = [
  'functions/api/lambda.ts',
  'functions/analyze/lambda.ts',
  'functions/analyze/dead-letters/lambda.ts',
  'functions/notify/lambda.ts',
  'functions/retention/lambda.ts',
  'functions/analyze/distributed/lambda-plan.ts',
  'functions/analyze/distributed/lambda-fold.ts',
  'functions/analyze/distributed/lambda-merge.ts',
  'functions/analyze/distributed/lambda-fail.ts',
];

/** The project files an entry bundles. */
async function filesOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(projectRoot, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).filter((f) => f.startsWith('functions/'));
}

describe('Lambda entry points', () => {
  it.each(ENTRIES)('%s logs and measures through the one Powertools setup', async (entry) => {
    const files = await filesOf(entry);
    expect(files).toContain('functions/lib/lambda-observability.ts');
    // The local runtime's logger never ships in a Lambda bundle.
    expect(files).not.toContain('functions/lib/logger.ts');
  });
});
