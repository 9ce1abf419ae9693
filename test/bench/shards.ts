import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSampleAnalyzer } from '../../functions/analyze/engine';
import { writeCorpus } from './corpus';

// Usage: npx tsx test/bench/shards.ts [--sizes 100000,200000] [--workers 2] [--shard-mb 64]
//   [--repeat 3] [--dir <path>] [--keep]
// One worker (one sequential pass) against N workers (byte-range shards on worker threads) on the
// same file, through the analyzer entry the upload handler calls (hash, fold, merge, finalize).

const self = fileURLToPath(import.meta.url);

interface Run {
  seconds: number;
  shards: number;
  rssMb: number;
  /** SHA-256 of the stored partial and analysis, to show both runs agree. */
  digest: string;
}

async function worker(): Promise<void> {
  const [file, workers, shardBytes] = process.argv.slice(3) as [string, string, string];
  const size = (await stat(file)).size;
  const read = (start?: number, end?: number) =>
    createReadStream(file, { start, end, highWaterMark: 1 << 20 });
  const object = {
    size,
    open: async () => read(),
    openRange: async (s: number, e: number) => read(s, e),
  };
  const start = performance.now();
  const out = await createSampleAnalyzer().analyzeObject(object, {
    fileName: file,
    fields: {},
    now: new Date('2025-01-01'),
    workers: Number(workers),
    shardBytes: Number(shardBytes),
  });
  const seconds = (performance.now() - start) / 1000;
  const hash = createHash('sha256');
  for (const chunk of out.partial) hash.update(chunk);
  const digest = hash.update(JSON.stringify(out.analysis)).digest('hex');
  const run: Run = {
    seconds,
    shards: out.shards,
    rssMb: process.resourceUsage().maxRSS / 1024,
    digest,
  };
  process.send?.(run);
}

function measure(file: string, workers: number, shardBytes: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const args = ['--worker', file, String(workers), String(shardBytes)];
    const child = fork(self, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Run | undefined;
    child.on('message', (m) => {
      result = m as Run;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`measurement exited with ${code}`)),
    );
  });
}

const fmt = (n: number, d = 2) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

const best = (a: Run | undefined, b: Run) =>
  !a || b.seconds < a.seconds ? { ...b, rssMb: Math.max(b.rssMb, a?.rssMb ?? 0) } : a;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,200000' },
      workers: { type: 'string', default: String(Math.min(4, availableParallelism())) },
      'shard-mb': { type: 'string', default: '64' },
      repeat: { type: 'string', default: '3' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const workers = Math.max(2, Number(values.workers));
  const shardBytes = Math.round(Number(values['shard-mb']) * 1024 ** 2);
  const repeat = Math.max(1, Number(values.repeat));
  const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'diligence-shards-')));
  await mkdir(dir, { recursive: true });
  console.log(
    `Analyzer on ~200-word JSON Lines records: 1 worker vs ${workers} workers (shards of at most ${values['shard-mb']} MiB), ` +
      `${availableParallelism()} CPUs, each run a fresh process, best of ${repeat}, runs alternating.`,
  );
  console.log(
    '\n  records       MB  shards  1 worker s  N workers s  speed-up  identical  peak RSS MB (1 / N)',
  );
  for (const n of values.sizes.split(',').map(Number)) {
    const file = join(dir, `corpus-${n}.jsonl`);
    if (!existsSync(file)) await writeCorpus(file, n);
    const mb = (await stat(file)).size / 1e6;
    let one: Run | undefined;
    let many: Run | undefined;
    for (let r = 0; r < repeat; r++) {
      one = best(one, await measure(file, 1, shardBytes));
      many = best(many, await measure(file, workers, shardBytes));
    }
    if (!one || !many) throw new Error('no measurement');
    console.log(
      [
        n.toLocaleString('en-US').padStart(9),
        fmt(mb, 1).padStart(8),
        String(many.shards).padStart(7),
        fmt(one.seconds).padStart(11),
        fmt(many.seconds).padStart(12),
        `${fmt(one.seconds / many.seconds)}x`.padStart(9),
        (one.digest === many.digest ? 'yes' : 'NO').padStart(10),
        `${fmt(one.rssMb, 0)} / ${fmt(many.rssMb, 0)}`.padStart(21),
      ].join(' '),
    );
  }
  if (!values.keep && !values.dir) await rm(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--worker') await worker();
else await main();
