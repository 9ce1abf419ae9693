/**
 * Start-up of `diligence --help`: the installed package (`npm run cli:pack`, installed offline into
 * a scratch folder) side by side with the repository's bin (tsx) and a bare `node -e 0`, each a
 * fresh process, interleaved so a busy machine slows all three alike. Prints the median and the
 * fastest run in ms, their ratio to bare Node, and the median CPU time (Linux; steady under load). The budget (issue 30) is 200 ms for the package.
 * Usage: npx tsx test/bench/cli-startup.ts [--runs 21]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_ENTRY, CLI_PACKAGE_NAME, packCli } from '../../scripts/cli-pack';
import { installCliTarball } from '../support/cli-install';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const runs = Number(values.runs);
const BUDGET_MS = 200;

/**
 * CPU milliseconds of this process's finished children (Linux /proc, 10 ms ticks), or null
 * elsewhere: unlike wall time, it hardly moves when other work shares the machine.
 */
function childCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the file; `fields` starts at field 3
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Wall-clock and CPU milliseconds of one `node <args>` run to its exit; throws if it fails. */
function time(args: string[]): { wall: number; cpu: number | null } {
  const cpu0 = childCpuMs();
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu1 = childCpuMs();
  return { wall, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
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
  const walls = variants.map(() => [] as number[]);
  const cpus = variants.map(() => [] as number[]);
  for (const [, args] of variants) time(args); // warm the file cache and tsx's transform cache
  for (let i = 0; i < runs; i++)
    for (const [v, [, args]] of variants.entries()) {
      const t = time(args);
      walls[v]?.push(t.wall);
      if (t.cpu !== null) cpus[v]?.push(t.cpu);
    }
  const bare = median(walls[0] ?? []);
  const cpuOf = (v: number) => (cpus[v]?.length ? median(cpus[v] ?? []).toFixed(0) : 'n/a');
  console.log(`diligence --help start-up, ${runs} runs each (Node ${process.version})`);
  console.log(
    `${'variant'.padEnd(26)} ${'median ms'.padStart(10)} ${'min ms'.padStart(8)} ${'x node'.padStart(7)} ${'cpu ms'.padStart(7)}`,
  );
  variants.forEach(([name], v) => {
    const xs = walls[v] ?? [];
    const med = median(xs);
    console.log(
      `${name.padEnd(26)} ${med.toFixed(1).padStart(10)} ${Math.min(...xs)
        .toFixed(1)
        .padStart(8)} ${(med / bare).toFixed(2).padStart(7)} ${cpuOf(v).padStart(7)}`,
    );
  });
  // Node's own start-up is part of every figure; on a loaded machine it alone can pass the
  // budget, so the CLI's own share (median over bare Node) is printed beside the verdict.
  const pkg = median(walls[1] ?? []);
  const verdict = pkg < BUDGET_MS ? 'within' : 'OVER';
  console.log(
    `installed package: ${pkg.toFixed(0)} ms, ${verdict} the ${BUDGET_MS} ms budget (${(pkg - bare).toFixed(0)} ms more than bare Node)`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
