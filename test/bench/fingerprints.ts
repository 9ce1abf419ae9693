import { fork } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { finalize, foldSource } from '../../functions/core/analysis';
import { buildPack, parsePack, serializePack } from '../../functions/core/analysis/fingerprints';
import { recordMaker, writeCorpus } from './corpus';
import type { WorkerResult } from './workers';

// Usage: npx tsx test/bench/fingerprints.ts [--records 33500] [--pack-records 1000] [--big 1000000] [--repeat 3]
// Analysis alone vs analysis + fingerprint matching on the same ~40 MB sample (fresh process each),
// and the size and build time of a large pack built from a generated stream.

const self = fileURLToPath(import.meta.url);
const rssMb = () => process.resourceUsage().maxRSS / 1024;

async function analysisPass(file: string, packFile?: string): Promise<WorkerResult> {
  const start = performance.now();
  const fingerprints = packFile
    ? [{ pack: parsePack(new Uint8Array(await readFile(packFile))) }]
    : undefined;
  const partial = await foldSource(createReadStream(file, { highWaterMark: 1 << 20 }), {
    fileName: file,
  });
  const folded = performance.now();
  const a = finalize(partial, { now: new Date('2025-01-01'), fingerprints });
  const end = performance.now();
  return {
    seconds: (end - start) / 1000,
    records: partial.records,
    rssMb: rssMb(),
    detail: {
      foldSeconds: (folded - start) / 1000,
      finalizeSeconds: (end - folded) / 1000,
      matched: a.matches?.[0]?.records ?? 0,
    },
  };
}

async function bigPack(n: number): Promise<WorkerResult> {
  const make = recordMaker(11);
  function* texts() {
    for (let i = 0; i < n; i++) yield (JSON.parse(make(i)) as { text: string }).text;
  }
  const start = performance.now();
  const pack = await buildPack(texts(), { name: 'big', kind: 'synthetic' });
  const bytes = serializePack(pack).length;
  return {
    seconds: (performance.now() - start) / 1000,
    records: pack.records,
    rssMb: rssMb(),
    detail: { bytes, grams: pack.grams.length / 2, near: pack.nearRecords },
  };
}

async function worker(): Promise<void> {
  const [mode, a, b] = process.argv.slice(3) as [string, string, string | undefined];
  const result =
    mode === 'alone'
      ? await analysisPass(a)
      : mode === 'match'
        ? await analysisPass(a, b)
        : await bigPack(Number(a));
  process.send?.(result);
}

function measure(args: string[]): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(self, ['--worker', ...args], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: WorkerResult | undefined;
    child.on('message', (m) => {
      result = m as WorkerResult;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`${args[0]} worker exited with ${code}`)),
    );
  });
}

const fmt = (n: number, d = 2) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '33500' },
      'pack-records': { type: 'string', default: '1000' },
      big: { type: 'string', default: '1000000' },
      repeat: { type: 'string', default: '3' },
    },
  });
  const dir = await mkdtemp(join(tmpdir(), 'diligence-fp-bench-'));
  try {
    const file = join(dir, 'sample.jsonl');
    if (!existsSync(file)) await writeCorpus(file, Number(values.records));
    const mb = (await stat(file)).size / 1e6;
    // the pack: 10 % texts of the sample itself (so matching does real work), the rest other text
    const nPack = Number(values['pack-records']);
    const sampleTexts = (await readFile(file, 'utf8'))
      .split('\n', Math.ceil(nPack / 10))
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const other = recordMaker(99);
    const packTexts = [
      ...sampleTexts,
      ...Array.from(
        { length: nPack - sampleTexts.length },
        (_, i) => (JSON.parse(other(i)) as { text: string }).text,
      ),
    ];
    const packFile = join(dir, 'pack.dfp');
    const packBytes = serializePack(
      await buildPack(packTexts, { name: 'bench', kind: 'synthetic' }),
    );
    await writeFile(packFile, packBytes);
    let alone: WorkerResult | undefined;
    let match: WorkerResult | undefined;
    for (let r = 0; r < Math.max(1, Number(values.repeat)); r++) {
      const a = await measure(['alone', file]);
      const m = await measure(['match', file, packFile]);
      if (!alone || a.seconds < alone.seconds) alone = a;
      if (!match || m.seconds < match.seconds) match = m;
    }
    const A = alone as WorkerResult;
    const M = match as WorkerResult;
    const ratio = M.seconds / A.seconds;
    console.log(
      `Fingerprint matching: ${fmt(mb, 1)} MB sample, ${A.records.toLocaleString('en-US')} records; pack of ${nPack.toLocaleString('en-US')} records (${packBytes.length.toLocaleString('en-US')} bytes); best of ${values.repeat}, fresh process each`,
    );
    console.log(
      `  analysis alone           ${fmt(A.seconds)} s (finalize ${fmt(A.detail?.finalizeSeconds ?? 0)} s)`,
    );
    console.log(
      `  analysis + matching      ${fmt(M.seconds)} s (finalize ${fmt(M.detail?.finalizeSeconds ?? 0)} s, ${M.detail?.matched ?? 0} records matched)`,
    );
    console.log(
      `  ratio                    ${fmt(ratio)}x (goal ≤ 1.30x: ${ratio <= 1.3 ? 'met' : 'NOT met'})`,
    );
    const big = Number(values.big);
    if (big > 0) {
      const b = await measure(['big', String(big)]);
      const bytes = b.detail?.bytes ?? 0;
      console.log(
        `Pack of ${big.toLocaleString('en-US')} generated ~200-word records: ${fmt(bytes / 1e6, 1)} MB (${fmt(bytes / big, 0)} bytes/record; ${(b.detail?.grams ?? 0).toLocaleString('en-US')} sampled 13-grams), built in ${fmt(b.seconds, 1)} s, peak RSS ${fmt(b.rssMb, 0)} MB`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--worker') await worker();
else await main();
