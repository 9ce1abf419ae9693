import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { finalize, foldSource } from '../../functions/core/analysis';

// Usage: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/profile-fold.ts <file> [--rate 0.113]
// Folds and finalizes one file as the product does (spot-check key, style rate from the file's
// size, or --rate to profile a small file at a big file's rate), for a CPU profile; then
// `npx tsx test/bench/profile-top.ts <profile> 25` lists the top self time.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rate: { type: 'string' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: profile-fold.ts <file> [--rate r]');
const partial = await foldSource(createReadStream(file, { highWaterMark: 1 << 20 }), {
  fileName: file,
  spotCheck: { key: 'bench-draw-key' },
  // the file's size as the product passes it (it also sizes the record index up front); --rate
  // overrides only the style rate it would give
  sizeBytes: (await stat(file)).size,
  ...(values.rate ? { styleRate: Number(values.rate) } : {}),
});
finalize(partial, { now: new Date('2025-01-01') });
console.log(`${partial.records} records, ${partial.scores.reduce((s, c) => s + c, 0)} scored`);
