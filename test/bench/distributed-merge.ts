import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { BlockMerge } from '../../functions/analyze/distributed/block-merge';
import { inOrder, PARALLEL_READS } from '../../functions/analyze/distributed/bounded';
import { createGroupMergeHandler } from '../../functions/analyze/distributed/group-merge';
import {
  type GroupOutput,
  type ManifestItem,
  mergeGroups,
  type RunInput,
  runKeys,
  type StoredBlock,
} from '../../functions/analyze/distributed/types';
import { InOrderMerge } from '../../functions/analyze/shards/fan-out';
import { finalize, foldSource, readPartial, serializePartial } from '../../functions/core/analysis';
import { recordMaker } from './corpus';

// Usage: npx tsx test/bench/distributed-merge.ts [--partials 100,400] [--pool 24] [--records 7000]
//   [--group 32] [--flat] [--dir <path>]
// The distributed merge alone, on partials shaped like a 500 GiB sample's (1,000 ranges of
// 512 MiB: ~6,600 indexed records each, ~13 MB serialized). A pool of distinct partials is folded
// from generated ~200-word JSON Lines records (different seeds) and reused in turn for the N
// ranges. Each group merge and the final merge runs in its own process, as each runs in its own
// Lambda, through the same code (group handler; the final merge's block merge and finalize); the
// process reports wall time, CPU time and peak RSS. `--flat` also runs the old one-level merge.

const { values } = parseArgs({
  options: {
    partials: { type: 'string', default: '100,400' },
    pool: { type: 'string', default: '24' },
    records: { type: 'string', default: '7000' },
    group: { type: 'string', default: '32' },
    flat: { type: 'boolean', default: false },
    dir: { type: 'string' },
    phase: { type: 'string' },
    n: { type: 'string' },
    index: { type: 'string' },
  },
});
const pool = Number(values.pool);
const groupSize = Number(values.group);
const run: RunInput = {
  bucket: 'bench',
  key: 'samples/bench.jsonl',
  organizationId: 'org',
  scope: 'assessment',
  sampleId: 'sample',
  etag: '"bench"',
  size: 0,
};
const keys = runKeys(run);

/** Partials of range i are pool file i mod pool; blocks are files in the run directory. */
function benchBlobs(dir: string, n: number) {
  const items: ManifestItem[] = Array.from({ length: n }, (_, index) => ({
    run,
    index,
    start: index,
    end: index + 1,
    sampleBits: 0,
    settings: { fileName: 'bench.jsonl', format: 'jsonl', fields: {} } as ManifestItem['settings'],
    partialKey: keys.partial(index),
  }));
  const file = (key: string) => {
    const m = /partials\/(\d+)\.bin$/.exec(key);
    return m ? join(dir, 'pool', `${Number(m[1]) % pool}.bin`) : join(dir, 'blocks', basename(key));
  };
  return {
    items,
    blobs: {
      getText: async () => items.map((i) => JSON.stringify(i)).join('\n'),
      stream: async (_: string, key: string) =>
        createReadStream(file(key), { highWaterMark: 1 << 20 }),
      put: async (_: string, key: string, body: string | Uint8Array | Uint8Array[]) =>
        writeFile(file(key), Array.isArray(body) ? Buffer.concat(body) : body),
    },
  };
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** What a child process reports: its wall and CPU time and peak resident memory. */
function measure<T>(started: number, extra: T) {
  const cpu = process.cpuUsage(cpuAtStart);
  return {
    ms: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMb: process.resourceUsage().maxRSS / 1024,
    ...extra,
  };
}

let cpuAtStart: NodeJS.CpuUsage | undefined;

async function phase(dir: string): Promise<unknown> {
  cpuAtStart = process.cpuUsage();
  const n = Number(values.n);
  const started = performance.now();
  if (values.phase === 'pool') {
    await mkdir(join(dir, 'pool'), { recursive: true });
    for (let i = 0; i < pool; i++) {
      const make = recordMaker(1000 + i);
      const lines = Array.from({ length: Number(values.records) }, (_, j) => make(j));
      const bytes = Buffer.from(`${lines.join('\n')}\n`);
      const p = await foldSource(once(bytes), {
        fileName: 'b.jsonl',
        format: 'jsonl',
        checkMapping: false,
        sampleBits: 0,
      });
      await writeFile(join(dir, 'pool', `${i}.bin`), Buffer.concat(serializePartial(p)));
    }
    return measure(started, {});
  }
  const { items, blobs } = benchBlobs(dir, n);
  const results = items.map((i) => ({
    index: i.index,
    partialKey: i.partialKey,
    sha256: '',
    records: 1,
  }));
  const manifest = { bucket: run.bucket, key: keys.manifest };
  if (values.phase === 'group') {
    const group = mergeGroups(n, groupSize)[Number(values.index)];
    const out = await createGroupMergeHandler({ blobs })({
      run,
      manifest,
      results,
      group: group as never,
    });
    return measure(started, { partials: (group?.end ?? 0) - (group?.first ?? 0), out });
  }
  const merged = new BlockMerge();
  if (values.phase === 'final') {
    const groups = JSON.parse(
      await readFile(join(dir, `groups-${n}.json`), 'utf8'),
    ) as GroupOutput[];
    const blocks = groups.flatMap((g) => g.blocks);
    const read = (b: StoredBlock) => blobs.stream(run.bucket, b.key).then(readPartial);
    let i = 0;
    for await (const p of inOrder(blocks, PARALLEL_READS, read))
      merged.push(p, (blocks[i++] as StoredBlock).size);
    const records = finalize(merged.result() as never).input.records;
    return measure(started, { blocks: blocks.length, records });
  }
  const flat = new InOrderMerge();
  for (const item of items)
    flat.push(await readPartial(await blobs.stream(run.bucket, item.partialKey)));
  return measure(started, { records: finalize(flat.result() as never).input.records });
}

type Report = { ms: number; cpuMs: number; rssMb: number };
function child(dir: string, args: string[]): Report & Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, '--dir', dir, '--pool', String(pool), ...args],
    { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').at(-1) as string);
}

const f = (x: number, d = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main(): Promise<void> {
  if (values.phase) {
    console.log(JSON.stringify(await phase(values.dir as string)));
    return;
  }
  const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'diligence-merge-')));
  await mkdir(join(dir, 'blocks'), { recursive: true });
  try {
    if (!existsSync(join(dir, 'pool', `${pool - 1}.bin`))) {
      const p = child(dir, ['--phase', 'pool', '--records', String(values.records)]);
      console.log(
        `pool: ${pool} partials of ${values.records} records folded in ${f(p.ms / 1000, 1)} s`,
      );
    }
    const size = (await readFile(join(dir, 'pool', '0.bin'))).length;
    console.log(
      `partial: ${f(size / 1e6, 1)} MB; groups of ${groupSize}; ${PARALLEL_READS} reads in flight`,
    );
    console.log('\n  partials  step                 wall s   CPU s   ms CPU/partial   peak RSS MB');
    for (const n of values.partials.split(',').map(Number)) {
      const groups = mergeGroups(n, groupSize);
      const outs: GroupOutput[] = [];
      let worst: Report = { ms: 0, cpuMs: 0, rssMb: 0 };
      for (const g of groups) {
        const r = child(dir, [
          '--phase',
          'group',
          '--n',
          String(n),
          '--index',
          String(g.index),
          '--group',
          String(groupSize),
        ]);
        outs.push(r.out as GroupOutput);
        if (r.ms > worst.ms) worst = { ...r, rssMb: Math.max(worst.rssMb, r.rssMb) };
        else worst.rssMb = Math.max(worst.rssMb, r.rssMb);
      }
      await writeFile(join(dir, `groups-${n}.json`), JSON.stringify(outs));
      const line = (step: string, r: Report, per: number) =>
        console.log(
          `  ${String(n).padStart(8)}  ${step.padEnd(19)} ${f(r.ms / 1000, 1).padStart(7)} ${f(r.cpuMs / 1000, 1).padStart(7)} ${f(r.cpuMs / per).padStart(16)} ${f(r.rssMb).padStart(13)}`,
        );
      line(`slowest of ${groups.length} groups`, worst, Math.min(n, groupSize));
      const final = child(dir, ['--phase', 'final', '--n', String(n)]);
      line(`final (${final.blocks} blocks)`, final, n);
      if (values.flat)
        line('flat (one level)', child(dir, ['--phase', 'flat', '--n', String(n)]), n);
    }
  } finally {
    if (!values.dir) await rm(dir, { recursive: true, force: true });
  }
}

await main();
