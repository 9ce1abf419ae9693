import { describe, expect, it } from 'vitest';
import { BlockMerge } from '../../functions/analyze/distributed/block-merge';
import { inOrder } from '../../functions/analyze/distributed/bounded';
import { mergeGroups } from '../../functions/analyze/distributed/types';
import { InOrderMerge } from '../../functions/analyze/shards/fan-out';
import { type AnalysisPartial, foldSource, serializePartial } from '../../functions/core/analysis';
import { lineAlignedRanges } from '../../functions/core/tree-hash';

const WORDS = 'harbor ledger quiet orbit pencil signal meadow copper river stone'.split(' ');
// a small index cap, so the sampling level rises while merging and merge order matters
const limits = { maxIndexedRecords: 120 };
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

function corpus(): Uint8Array {
  const lines = Array.from({ length: 3000 }, (_, i) => {
    const base = i % 11 === 5 ? 5 : i % 17 === 3 ? 3 : i;
    const text = Array.from(
      { length: 14 },
      (_, j) => WORDS[(base * 3 + j * ((base % 7) + 1)) % 10],
    );
    return JSON.stringify({ text: `${base} ${text.join(' ')}`, label: i % 4 ? 'x' : 'y' });
  });
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Real range partials of one file, folded as the fold step does (common starting level 0). */
async function rangePartials(): Promise<AnalysisPartial[]> {
  const bytes = corpus();
  const ranges = await lineAlignedRanges(bytes.length, 6_000, async (f) => bytes.indexOf(0x0a, f));
  const partials: AnalysisPartial[] = [];
  for (const r of ranges) {
    const part = bytes.subarray(r.start, r.end);
    const p = await foldSource(once(r.start > 0 ? new Uint8Array([...BOM, ...part]) : part), {
      fileName: 'c.jsonl',
      format: 'jsonl',
      checkMapping: false,
      limits,
      sampleBits: 0,
    });
    if (r.start > 0) p.bytes -= BOM.length;
    partials.push(p);
  }
  return partials;
}

const bytesOf = (p: AnalysisPartial | undefined) =>
  Buffer.concat(serializePartial(p as AnalysisPartial));

function flat(partials: readonly AnalysisPartial[]) {
  const m = new InOrderMerge();
  for (const p of partials) m.push(p);
  return m.result();
}

/** The two-level merge: each group's counter blocks, then the final merge of all blocks. */
function grouped(partials: readonly AnalysisPartial[], size: number) {
  const final = new BlockMerge();
  for (const g of mergeGroups(partials.length, size)) {
    const group = new BlockMerge();
    for (const p of partials.slice(g.first, g.end)) group.push(p);
    for (const b of group.blocks()) final.push(b.partial, b.size);
  }
  return final.result();
}

describe('the two-level (group, then final) merge', () => {
  it('gives byte for byte the flat in-order merge for every range count and group size', async () => {
    const partials = await rangePartials();
    expect(partials.length).toBeGreaterThan(20);
    // the sampling level rose while merging: order and grouping could have changed the bytes
    expect((flat(partials) as AnalysisPartial).index.sampleBits).toBeGreaterThan(0);
    for (const n of [1, 2, 3, 5, 7, 12, 13, partials.length]) {
      const some = partials.slice(0, n);
      const expected = bytesOf(flat(some));
      for (const size of [1, 2, 4, 8, 16, 32])
        expect(
          bytesOf(grouped(some, size)).equals(expected),
          `${n} ranges, groups of ${size}`,
        ).toBe(true);
    }
  });

  it('splits ranges into groups of the given size, the last one shorter', () => {
    expect(mergeGroups(7, 4)).toEqual([
      { index: 0, first: 0, end: 4 },
      { index: 1, first: 4, end: 7 },
    ]);
    expect(mergeGroups(1000, 32)).toHaveLength(32);
    expect(mergeGroups(1000, 32).at(-1)).toEqual({ index: 31, first: 992, end: 1000 });
  });
});

describe('bounded reads in order', () => {
  it('keeps at most `limit` calls in flight and yields results in item order', async () => {
    let inFlight = 0;
    let most = 0;
    const resolvers: (() => void)[] = [];
    const fn = async (x: number) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => resolvers.push(resolve));
      inFlight--;
      return x * 10;
    };
    const out: number[] = [];
    const run = (async () => {
      for await (const v of inOrder([1, 2, 3, 4, 5, 6, 7], 3, fn)) out.push(v);
    })();
    // release the calls in reverse order of starting, as S3 may answer
    while (out.length < 7) {
      await new Promise((r) => setImmediate(r));
      resolvers
        .splice(0)
        .reverse()
        .forEach((r) => {
          r();
        });
    }
    await run;
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('rethrows a failed read at its turn', async () => {
    const fn = async (x: number) => {
      if (x === 2) throw new Error('read failed');
      return x;
    };
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const v of inOrder([1, 2, 3], 2, fn)) out.push(v);
      })(),
    ).rejects.toThrow('read failed');
    expect(out).toEqual([1]);
  });
});
