import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { finalize, foldSource } from '../../functions/core/analysis';
import { recordMaker } from './corpus';

// Usage: npx tsx test/bench/sources.ts [--records 100000] [--repeat 3]
// The cost of the per-source fold and language detection together: the full analysis of the same
// generated file (50 feeds, Zipf-like sizes) with them and without them, side by side in one run,
// alternating, best of --repeat. Target: ≤ 1.15× the analysis without them.

const TARGET = 1.15;

async function write(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  const make = recordMaker(11);
  let buf: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = JSON.parse(make(i)) as Record<string, unknown>;
    // feed k gets a share ∝ 1/(k+1): a few large feeds and a long tail
    const u = ((i * 2654435761) >>> 0) / 2 ** 32;
    r.source = `feed-${Math.floor(50 ** u) - 1}`;
    if (i % 97 === 0) r.text = `${r.text} contact ops${i}@example.com`;
    buf.push(`${JSON.stringify(r)}\n`);
    if (buf.length === 2000) {
      if (!out.write(buf.join(''))) await once(out, 'drain');
      buf = [];
    }
  }
  out.end(buf.join(''));
  await once(out, 'finish');
}

async function pass(
  file: string,
  skip: boolean,
): Promise<{ seconds: number; cpu: number; rows: number }> {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const partial = await foldSource(createReadStream(file, { highWaterMark: 1 << 20 }), {
    fileName: file,
    skipSourcesAndLanguages: skip,
    spotCheck: { key: 'bench-draw-key' },
  });
  const analysis = finalize(partial, { now: new Date('2025-01-01') });
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds: (performance.now() - start) / 1000,
    cpu: (cpu.user + cpu.system) / 1e6,
    rows: analysis.bySource?.length ?? 0,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '100000' },
      repeat: { type: 'string', default: '3' },
    },
  });
  const n = Number(values.records);
  const repeat = Math.max(1, Number(values.repeat));
  const dir = await mkdtemp(join(tmpdir(), 'diligence-sources-'));
  const file = join(dir, 'feeds.jsonl');
  try {
    await write(file, n);
    await pass(file, true); // warm-up
    const best = { without: Infinity, with: Infinity, cpuWithout: Infinity, cpuWith: Infinity };
    let rows = 0;
    for (let i = 0; i < repeat; i++) {
      const a = await pass(file, true);
      const b = await pass(file, false);
      best.without = Math.min(best.without, a.seconds);
      best.cpuWithout = Math.min(best.cpuWithout, a.cpu);
      best.with = Math.min(best.with, b.seconds);
      best.cpuWith = Math.min(best.cpuWith, b.cpu);
      rows = b.rows;
    }
    // CPU time is the verdict: wall time on a shared machine mostly measures the neighbours
    const ratio = best.cpuWith / best.cpuWithout;
    console.log(
      `per-source fold + languages, ${n.toLocaleString('en-US')} records (50 feeds, ${rows} rows): ` +
        `CPU without ${best.cpuWithout.toFixed(2)} s, with ${best.cpuWith.toFixed(2)} s, ratio ` +
        `${ratio.toFixed(3)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? 'OK' : 'OVER BUDGET'}; ` +
        `wall ${best.without.toFixed(2)} s vs ${best.with.toFixed(2)} s`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
