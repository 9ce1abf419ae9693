import { describe, expect, it } from 'vitest';
import { startingLevel } from '../../functions/analyze/distributed/plan';
import { InOrderMerge } from '../../functions/analyze/shards/fan-out';
import {
  type AnalysisPartial,
  DEFAULT_LIMITS,
  foldSource,
  serializePartial,
} from '../../functions/core/analysis';
import { lineAlignedRanges } from '../../functions/core/tree-hash';

const WORDS = 'harbor ledger quiet orbit pencil signal meadow copper river stone'.split(' ');
const limits = { maxIndexedRecords: 150 };

function corpus(): Uint8Array {
  const lines = Array.from({ length: 2400 }, (_, i) => {
    const base = i % 11 === 5 ? 5 : i;
    const text = Array.from(
      { length: 16 },
      (_, j) => WORDS[(base * 3 + j * ((base % 7) + 1)) % 10],
    );
    return JSON.stringify({ text: `${base} ${text.join(' ')}`, label: i % 4 ? 'x' : 'y' });
  });
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** Folds line-aligned parts starting at `level`, as the fold step does, and merges them in order. */
async function foldInParts(bytes: Uint8Array, whole: AnalysisPartial, level: number) {
  const ranges = await lineAlignedRanges(bytes.length, 20_000, async (f) => bytes.indexOf(0x0a, f));
  expect(ranges.length).toBeGreaterThan(4);
  const merged = new InOrderMerge();
  for (const r of ranges) {
    const part = bytes.subarray(r.start, r.end);
    const source = r.start > 0 ? once(new Uint8Array([...BOM, ...part])) : once(part);
    const p = await foldSource(source, {
      fileName: 'c.jsonl',
      format: 'jsonl',
      fields: whole.fields,
      checkMapping: false,
      limits,
      sampleBits: level,
    });
    if (r.start > 0) p.bytes -= BOM.length;
    merged.push(p);
  }
  return merged.result() as AnalysisPartial;
}

const bytesOf = (p: AnalysisPartial) => Buffer.concat(serializePartial(p));

describe('a common starting sampling level', () => {
  it('gives the one-pass partial byte for byte at or below the final level, and not above it', async () => {
    const bytes = corpus();
    const whole = await foldSource(once(bytes), { fileName: 'c.jsonl', limits });
    const final = whole.index.sampleBits;
    expect(final).toBeGreaterThanOrEqual(3);
    for (const level of [0, final - 1, final]) {
      const parts = await foldInParts(bytes, whole, level);
      expect(bytesOf(parts).equals(bytesOf(whole)), `level ${level}`).toBe(true);
    }
    const above = await foldInParts(bytes, whole, final + 1);
    expect(above.index.n).toBeLessThan(whole.index.n);
  });

  it('is estimated two levels below what the first MiB says the file needs', () => {
    const line = new Uint8Array(1024).fill(0x61);
    line[1023] = 0x0a;
    const head = new Uint8Array(64 * 1024);
    for (let i = 0; i < 64; i++) head.set(line, i * 1024);
    const cap = DEFAULT_LIMITS.maxIndexedRecords;
    // 10 GiB of 1 KiB lines: ~10.5M records, 2.6 cap-sized halvings needed → 3, started at 1
    expect(startingLevel(10 * 1024 ** 3, head)).toBe(
      Math.ceil(Math.log2((10 * 1024 ** 2) / cap)) - 2,
    );
    expect(startingLevel(10 * 1024 ** 3, head)).toBe(1);
    expect(startingLevel(100 * 1024 ** 2, head)).toBe(0);
    expect(startingLevel(10, new Uint8Array([0x61, 0x62]))).toBe(0);
  });
});
