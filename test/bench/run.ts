import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus';
import { floorPass, minhashPass, suitePass, type WorkerResult } from './workers';

// Usage: npx tsx test/bench/run.ts [--sizes 10000,100000] [--full] [--repeat 3] [--dir <path>] [--keep]
//   --full adds the 1,000,000-record corpus (about 1.2 GB; a few minutes).

const self = fileURLToPath(import.meta.url);

async function worker(): Promise<void> {
  const [mode, file, count] = process.argv.slice(3) as [string, string, string];
  const result =
    mode === 'floor'
      ? await floorPass(file)
      : mode === 'suite'
        ? await suitePass(file)
        : await minhashPass(file, Number(count));
  process.send?.(result);
}

function measure(mode: string, file: string, extra: string[] = []): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(self, ['--worker', mode, file, ...extra], {
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

const fmt = (n: number, d = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      full: { type: 'boolean', default: false },
      repeat: { type: 'string', default: '3' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'minhash-records': { type: 'string', default: '2000' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (values.full && !sizes.includes(1_000_000)) sizes.push(1_000_000);
  const repeat = Math.max(1, Number(values.repeat));
  const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'diligence-bench-')));
  await mkdir(dir, { recursive: true });
  console.log(
    `Corpora in ${dir}: ~200-word English-like JSON Lines records (3% exact and 3% near copies).`,
  );
  const rows: { n: number; mb: number; floor: WorkerResult; suite: WorkerResult }[] = [];
  for (const n of sizes) {
    const file = join(dir, `corpus-${n}.jsonl`);
    if (!existsSync(file)) await writeCorpus(file, n);
    const mb = (await stat(file)).size / 1e6;
    let floor: WorkerResult | undefined;
    let suite: WorkerResult | undefined;
    const runs = n >= 1_000_000 ? 1 : repeat;
    for (let r = 0; r < runs; r++) {
      const f = await measure('floor', file);
      const s = await measure('suite', file);
      if (!floor || f.seconds < floor.seconds) floor = f;
      if (!suite || s.seconds < suite.seconds)
        suite = { ...s, rssMb: Math.max(s.rssMb, suite?.rssMb ?? 0) };
    }
    rows.push({ n, mb, floor: floor as WorkerResult, suite: suite as WorkerResult });
    console.log(`  measured ${fmt(n, 0)} records (${fmt(mb)} MB), best of ${runs}`);
  }
  console.log(
    '\nrecords      MB   floor s  suite s  ratio  suite MB/s  suite rec/s  µs/rec  fold s  finalize s  peak RSS MB',
  );
  for (const { n, mb, floor, suite } of rows) {
    const d = suite.detail ?? {};
    console.log(
      [
        fmt(n, 0).padStart(9),
        fmt(mb).padStart(7),
        fmt(floor.seconds, 2).padStart(9),
        fmt(suite.seconds, 2).padStart(8),
        `${fmt(suite.seconds / floor.seconds, 2)}x`.padStart(6),
        fmt(mb / suite.seconds).padStart(11),
        fmt(n / suite.seconds, 0).padStart(12),
        fmt((suite.seconds * 1e6) / n, 1).padStart(7),
        fmt(d.foldSeconds ?? 0, 2).padStart(7),
        fmt(d.finalizeSeconds ?? 0, 2).padStart(11),
        fmt(suite.rssMb, 0).padStart(12),
      ].join(' '),
    );
  }
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]] as [(typeof rows)[number], (typeof rows)[number]];
    const exponent = Math.log(b.suite.seconds / a.suite.seconds) / Math.log(b.n / a.n);
    console.log(
      `growth ${fmt(a.n, 0)} -> ${fmt(b.n, 0)}: time x${fmt(b.suite.seconds / a.suite.seconds, 1)} for records x${fmt(b.n / a.n, 0)} (exponent ${fmt(exponent, 2)}; 1.00 is linear)`,
    );
  }
  const mhFile = join(dir, `corpus-${sizes[0]}.jsonl`);
  const mh = await measure('minhash', mhFile, [values['minhash-records']]);
  const d = mh.detail ?? {};
  const perRec = (s: number) => `${fmt((s * 1e6) / mh.records, 1)} µs/record`;
  console.log(
    `\nMinHash signing, 128 permutations over word 5-grams, same ${mh.records} records (tokenize + shingle + sign):`,
  );
  console.log(`  ours, WebAssembly SIMD kernel  ${perRec(d.simdSeconds ?? 0)}`);
  console.log(`  ours, JS kernel (fallback)     ${perRec(d.jsSeconds ?? 0)}`);
  console.log(
    `  minhash (npm)                  ${perRec(d.npmSeconds ?? 0)}  (ours is ${fmt((d.npmSeconds ?? 0) / (d.simdSeconds ?? 1), 0)}x faster)`,
  );
  const ratios = rows
    .map((r) => `${fmt(r.n, 0)}: ${fmt(r.suite.seconds / r.floor.seconds, 2)}x`)
    .join(', ');
  const worst = Math.max(...rows.map((r) => r.suite.seconds / r.floor.seconds));
  const big = rows.find((r) => r.n >= 1_000_000);
  console.log(
    `\nTargets (each run is a fresh process, so small corpora include ~0.1-0.2 s of start-up and fixed finalize cost):`,
  );
  console.log(`  suite within 3x of the floor: ${worst <= 3 ? 'met' : 'NOT met'} (${ratios})`);
  console.log(
    big
      ? `  1M records within 1.5 GB RSS: ${big.suite.rssMb <= 1536 ? 'met' : 'NOT met'} (${fmt(big.suite.rssMb, 0)} MB)`
      : '  1M records within 1.5 GB RSS: not run (add --full)',
  );
  console.log(
    `  signing faster than the npm peer: ${(d.npmSeconds ?? 0) > (d.simdSeconds ?? 0) ? 'met' : 'NOT met'}`,
  );
  if (!values.keep && !values.dir) await rm(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--worker') await worker();
else await main();
