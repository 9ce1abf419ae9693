/**
 * Start-up of `diligence --help`: the installed package (`npm run cli:pack`, installed offline into
 * a scratch folder) side by side with the repository's bin (tsx) and a bare `node -e 0`, each a
 * fresh process, interleaved so a busy machine slows all three alike. Prints the median and the
 * fastest run in ms and their ratio to bare Node. The budget (issue 30) is 200 ms for the package.
 * Usage: npx tsx test/bench/cli-startup.ts [--runs 21]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_ENTRY, CLI_PACKAGE_NAME, packCli } from '../../scripts/cli-pack';
import { installCliTarball } from '../support/cli-install';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const runs = Number(values.runs);
const BUDGET_MS = 200;

/** Wall-clock milliseconds of one `node <args>` run to its exit; throws if it fails. */
function time(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const dir = await mkdtemp(join(tmpdir(), 'diligence-cli-startup-'));
try {
  const { tarball } = await packCli(join(dir, 'dist'));
  const app = join(dir, 'vendor');
  await installCliTarball(tarball, app, join(dir, 'npm-cache'));
  const variants: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    [
      'installed package --help',
      [join(app, 'node_modules', CLI_PACKAGE_NAME, CLI_ENTRY), '--help'],
    ],
    ['repository bin --help', ['bin/diligence.js', '--help']],
  ];
  const samples = variants.map(() => [] as number[]);
  for (const [, args] of variants) time(args); // warm the file cache and tsx's transform cache
  for (let i = 0; i < runs; i++)
    for (const [v, [, args]] of variants.entries()) samples[v]?.push(time(args));
  const bare = median(samples[0] ?? []);
  console.log(`diligence --help start-up, ${runs} runs each (Node ${process.version})`);
  console.log(
    `${'variant'.padEnd(26)} ${'median ms'.padStart(10)} ${'min ms'.padStart(8)} ${'x node'.padStart(7)}`,
  );
  variants.forEach(([name], v) => {
    const xs = samples[v] ?? [];
    const med = median(xs);
    console.log(
      `${name.padEnd(26)} ${med.toFixed(1).padStart(10)} ${Math.min(...xs)
        .toFixed(1)
        .padStart(8)} ${(med / bare).toFixed(2).padStart(7)}`,
    );
  });
  // Node's own start-up is part of every figure; on a loaded machine it alone can pass the
  // budget, so the CLI's own share (median over bare Node) is printed beside the verdict.
  const pkg = median(samples[1] ?? []);
  const verdict = pkg < BUDGET_MS ? 'within' : 'OVER';
  console.log(
    `installed package: ${pkg.toFixed(0)} ms, ${verdict} the ${BUDGET_MS} ms budget (${(pkg - bare).toFixed(0)} ms more than bare Node)`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
