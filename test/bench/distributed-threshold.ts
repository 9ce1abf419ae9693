import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deadlineMarginMs } from '../../functions/analyze/deadline';
import { createSampleAnalyzer } from '../../functions/analyze/engine';
import { exampleRecords, recordTexts } from '../../functions/core/analysis';
import { writeCorpus } from './corpus';

// Usage: npx tsx test/bench/distributed-threshold.ts [--records 60000] [--margin 2] [--key <draw key>]
// --key folds as the product does with the sample's spot-check key (review pool, keyed style sample);
// the style sample saves time only beyond its bound (131,072 records), so use 1,000,000 records then.
// The one-Lambda pass (fold with SHA-256, finalize, the second read for cluster texts) on generated
// ~200-word JSON Lines, by CPU time (wall time is unreliable on a shared machine; one pass is one
// thread, and the 3,008 MB analyzer has more than one vCPU): the bytes one pass gets through in
// Lambda's 15 minutes less the analyzer's margin, and that divided by `--margin`, the threshold.

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '60000' },
    margin: { type: 'string', default: '2' },
    key: { type: 'string' },
  },
});

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'diligence-threshold-'));
  try {
    const file = join(dir, 'corpus.jsonl');
    await writeCorpus(file, Number(values.records), 11);
    const size = (await stat(file)).size;
    const read = (s?: number, e?: number) =>
      createReadStream(file, { start: s, end: e, highWaterMark: 1 << 20 });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const one = await createSampleAnalyzer().analyzeObject(
      { size, open: async () => read(), openRange: async (s, e) => read(s, e) },
      {
        fileName: 'c.jsonl',
        fields: {},
        now: new Date('2025-01-01T00:00:00Z'),
        workers: 1,
        ...(values.key ? { spotCheck: { key: values.key } } : {}),
      },
    );
    await recordTexts(read(), one.analysis, exampleRecords(one.analysis), { fileName: 'c.jsonl' });
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const rate = size / cpuSeconds;
    const budget = (15 * 60_000 - deadlineMarginMs) / 1000;
    const fits = rate * budget;
    const gib = (n: number) => (n / 1024 ** 3).toFixed(2);
    console.log(
      `one pass: ${(size / 1e6).toFixed(1)} MB in ${cpuSeconds.toFixed(1)} s CPU (${((performance.now() - started) / 1000).toFixed(1)} s wall): ${(rate / 1e6).toFixed(2)} MB/s per CPU second`,
    );
    console.log(
      `in ${budget} s: ${gib(fits)} GiB; with a margin of ${values.margin}×: threshold ${gib(fits / Number(values.margin))} GiB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
