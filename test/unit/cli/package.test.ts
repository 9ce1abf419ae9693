import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../functions/cli/io';
import { main } from '../../../functions/cli/main';
import type { Analysis } from '../../../functions/core/analysis';
import { CLI_ENTRY, CLI_PACKAGE_NAME, type CliPack, packCli } from '../../../scripts/cli-pack';
import { installCliTarball } from '../../support/cli-install';

const run = promisify(execFile);
/** What a failed `run` rejects with. */
type RunError = { code: number; stdout: string; stderr: string };
const SAMPLE = resolve('test/fixtures/analysis/sample.jsonl');

/** The files Node loads statically from `entry` (its `import` statements, transitively). */
function staticClosure(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of metafile.outputs[file]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  return seen;
}

async function inRepo(args: string[]) {
  let stdout = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => 0 },
    isTTY: false,
  };
  const code = await main(args, io);
  return { code, stdout };
}

describe('the vendor CLI package (npm run cli:pack)', () => {
  let dir = '';
  let pack: CliPack;
  let bin = '';
  let env: NodeJS.ProcessEnv = {};
  const diligence = (args: string[]) => run(bin, args, { env, cwd: dir });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diligence-cli-package-'));
    pack = await packCli(join(dir, 'dist'));
    // An empty npm cache and --offline: any dependency to fetch would fail the install.
    ({ bin, env } = await installCliTarball(
      pack.tarball,
      join(dir, 'vendor'),
      join(dir, 'npm-cache'),
    ));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one tarball whose package.json has a bin, the root version and no dependencies', async () => {
    expect((await readdir(join(dir, 'dist'))).filter((f) => f.endsWith('.tgz'))).toEqual([
      `${CLI_PACKAGE_NAME}-${pack.manifest.version}.tgz`,
    ]);
    const root = JSON.parse(await readFile('package.json', 'utf8'));
    expect(pack.manifest).toMatchObject({ version: root.version, bin: { diligence: CLI_ENTRY } });
    for (const key of [
      'dependencies',
      'optionalDependencies',
      'peerDependencies',
      'bundleDependencies',
    ])
      expect(pack.manifest).not.toHaveProperty(key);
  });

  it('installs into an empty folder offline, bringing nothing but itself', async () => {
    const modules = (await readdir(join(dir, 'vendor', 'node_modules'))).filter(
      (f) => !f.startsWith('.'),
    );
    expect(modules).toEqual([CLI_PACKAGE_NAME]);
    const installed = join(dir, 'vendor', 'node_modules', CLI_PACKAGE_NAME);
    expect((await readdir(installed)).sort()).toEqual(
      ['README.md', 'chunks', CLI_ENTRY, 'package.json'].sort(),
    );
  });

  it('prints its version and the usage', async () => {
    const root = JSON.parse(await readFile('package.json', 'utf8'));
    expect((await diligence(['--version'])).stdout).toBe(`diligence ${root.version}\n`);
    // as a vendor types it, in the folder it was installed into, with no registry reachable
    const npx = await run('npx', ['diligence', '--version'], { env, cwd: join(dir, 'vendor') });
    expect(npx.stdout).toBe(`diligence ${root.version}\n`);
    const help = (await diligence(['--help'])).stdout;
    expect(help).toBe((await inRepo(['--help'])).stdout);
    expect(help).toMatch(
      /^Usage:\n {2}diligence --version \| --help\n {2}diligence analyze <file>/,
    );
  });

  it('analyzes a sample exactly as the repository does', async () => {
    const installed = JSON.parse(
      (await diligence(['analyze', SAMPLE, '--json'])).stdout,
    ) as Analysis;
    const repo = JSON.parse((await inRepo(['analyze', SAMPLE, '--json'])).stdout) as Analysis;
    expect(installed.input.records).toBeGreaterThan(0);
    for (const key of ['input', 'duplicates', 'pii', 'diversity', 'synthetic'] as const)
      expect(installed[key], key).toEqual(repo[key]);
    const summary = (await diligence(['analyze', SAMPLE])).stdout;
    expect(summary).toContain(`records       ${repo.input.records} (`);
  });

  it('runs every other command as the repository does (upload up to the network)', async () => {
    const fx = resolve('test/fixtures');
    const holdout = join(fx, 'analysis/holdout.jsonl');
    const same: string[][] = [
      ['hash', SAMPLE, '--json'],
      ['compare', SAMPLE, holdout, '--json'],
      ['spot-check', 'draw', SAMPLE, '--n', '5', '--seed', '1', '--json'],
      ['reference', 'prompts', SAMPLE, '--n', '3'],
    ];
    for (const args of same) {
      const installed = (await diligence(args)).stdout;
      expect(installed.length, args.join(' ')).toBeGreaterThan(0);
      expect(installed, args.join(' ')).toBe((await inRepo(args)).stdout);
    }
    const packFile = join(dir, 'sample.pack');
    await diligence([
      'fingerprint',
      'build',
      SAMPLE,
      '--name',
      'own',
      '--kind',
      'eval',
      '--out',
      packFile,
    ]);
    const matched = ['analyze', SAMPLE, '--fingerprints', packFile, '--json'];
    expect((await diligence(matched)).stdout).toBe((await inRepo(matched)).stdout);
    const report = join(dir, 'report.json');
    const answers = join(fx, 'answers/honest-vendor.json');
    await writeFile(report, (await diligence(['score', '--answers', answers, '--json'])).stdout);
    expect((await diligence(['verify', report])).stdout).toContain('intact');
    // upload reaches for the portal named in the link, and says so when it cannot
    const link = 'http://127.0.0.1:9/vendor#token=abc';
    const upload = await diligence(['upload', link, SAMPLE]).catch((e: RunError) => e);
    expect(upload).toMatchObject({ code: 1 });
    expect((upload as RunError).stderr).toContain('cannot reach http://127.0.0.1:9');
  });

  it('exits 2 with the file named when the input cannot be read', async () => {
    const missing = join(dir, 'missing.jsonl');
    const failed = await diligence(['analyze', missing]).then(
      () => null,
      (e: RunError) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain(`cannot read ${missing}`);
  });

  it('loads no command module for --help: every command is a chunk imported when it runs', () => {
    const entry = Object.keys(pack.metafile.outputs).find((f) => f.endsWith(`/${CLI_ENTRY}`));
    expect(entry).toBeDefined();
    const loaded = [...staticClosure(pack.metafile, entry as string)].flatMap((f) =>
      Object.keys(pack.metafile.outputs[f]?.inputs ?? {}),
    );
    expect(loaded.some((f) => f.endsWith('functions/cli/usage.ts'))).toBe(true);
    expect(loaded.filter((f) => /functions\/core\/|-command\.ts$|node_modules\//.test(f))).toEqual(
      [],
    );
    const dynamic = pack.metafile.outputs[entry as string]?.imports.filter(
      (i) => i.kind === 'dynamic-import',
    );
    expect(dynamic?.length).toBeGreaterThanOrEqual(9);
  });
});
