import { fork } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { finalize, foldSource } from '../../functions/core/analysis';
import { writeCorpus } from './corpus';
import { floorPass, type WorkerResult } from './workers';

// Usage: npx tsx test/bench/speed.ts [--records 1000000] [--repeat 3] [--dir <path>] [--keep] [--all-scored]
// The analyzer against the cheapest honest pass (parse, NFKC, hash every word 5-gram) over the
// same generated file, side by side in one run: median of `repeat` alternating runs, each a fresh
// process; the ratio is of CPU seconds (a shared machine's wall time counts other processes too).
// The suite folds as the product does: with the sample's secret spot-check key (review pool) and
// its stored size (the keyed style sample's rate); --all-scored adds the same fold without the
// size, so the style model scores every record (the analyzer before the style sample).

const self = fileURLToPath(import.meta.url);
const KEY = 'bench-draw-key';
const rssMb = () => process.resourceUsage().maxRSS / 1024;

async function suite(file: string, sampled: boolean): Promise<WorkerResult> {
  const start = performance.now();
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  const partial = await foldSource(source, {
    fileName: file,
    spotCheck: { key: KEY },
    ...(sampled ? { sizeBytes: (await stat(file)).size } : {}),
  });
  const analysis = finalize(partial, { now: new Date('2025-01-01') });
  const seconds = (performance.now() - start) / 1000;
  const scored = partial.scores.reduce((s, c) => s + c, 0);
  return {
    seconds,
    records: partial.records,
    rssMb: rssMb(),
    detail: { scored, share: analysis.synthetic.estimatedShare },
  };
}

async function worker(): Promise<void> {
  const [mode, file] = process.argv.slice(3) as [string, string];
  const cpu = process.cpuUsage();
  const result = mode === 'floor' ? await floorPass(file) : await suite(file, mode === 'product');
  const used = process.cpuUsage(cpu);
  // CPU seconds: on a shared machine wall time also counts the other processes' turns
  result.detail = { ...result.detail, cpuSeconds: (used.user + used.system) / 1e6 };
  process.send?.(result);
}

function measure(mode: string, file: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(self, ['--worker', mode, file], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: WorkerResult | undefined;
    child.on('message', (m) => {
      result = m as WorkerResult;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`${mode} worker exited with ${code}`)),
    );
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (n: number, d = 2) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '1000000' },
      repeat: { type: 'string', default: '3' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'all-scored': { type: 'boolean', default: false },
    },
  });
  const n = Number(values.records);
  const repeat = Math.max(1, Number(values.repeat));
  const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'diligence-speed-')));
  await mkdir(dir, { recursive: true });
  const file = join(dir, `corpus-${n}.jsonl`);
  if (!existsSync(file)) await writeCorpus(file, n);
  const mb = (await stat(file)).size / 1e6;
  const modes = ['floor', 'product', ...(values['all-scored'] ? ['all'] : [])];
  const runs = new Map<string, WorkerResult[]>(modes.map((m) => [m, []]));
  for (let r = 0; r < repeat; r++) {
    for (const mode of modes) runs.get(mode)?.push(await measure(mode, file));
  }
  const cpuOf = (x: WorkerResult) => x.detail?.cpuSeconds ?? x.seconds;
  const floor = median((runs.get('floor') ?? []).map(cpuOf));
  const floorWall = median((runs.get('floor') ?? []).map((x) => x.seconds));
  console.log(
    `\n${fmt(n, 0)} generated records (${fmt(mb, 1)} MB), median of ${repeat} runs each:`,
  );
  console.log(
    'pass                          CPU s  ratio to floor  wall s  wall ratio  peak RSS MB  style-scored',
  );
  const labels: Record<string, string> = {
    floor: 'floor (parse, NFKC, 5-grams)',
    product: 'analysis (as the product)',
    all: 'analysis, every record scored',
  };
  let keyedRatio = 0;
  let keyedRss = 0;
  for (const mode of modes) {
    const rs = runs.get(mode) ?? [];
    const s = median(rs.map(cpuOf));
    const wall = median(rs.map((x) => x.seconds));
    const rss = Math.max(...rs.map((x) => x.rssMb));
    const scored = rs[0]?.detail?.scored;
    if (mode === 'product') [keyedRatio, keyedRss] = [s / floor, rss];
    console.log(
      [
        (labels[mode] ?? mode).padEnd(29),
        fmt(s).padStart(5),
        `${fmt(s / floor)}x`.padStart(15),
        fmt(wall).padStart(7),
        `${fmt(wall / floorWall)}x`.padStart(11),
        fmt(rss, 0).padStart(12),
        (scored === undefined ? '-' : fmt(scored, 0)).padStart(13),
      ].join(' '),
    );
  }
  console.log(
    `Targets: ratio <= 1.2x ${keyedRatio <= 1.2 ? 'met' : 'NOT met'} (${fmt(keyedRatio)}x); ` +
      `peak memory <= 600 MB ${keyedRss <= 600 ? 'met' : 'NOT met'} (${fmt(keyedRss, 0)} MB)`,
  );
  if (!values.keep && !values.dir) await rm(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--worker') await worker();
else await main();
