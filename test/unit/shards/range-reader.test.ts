import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRanges } from '../../../functions/analyze/shards/plan';
import { alignedRange, rechunk } from '../../../functions/analyze/shards/range-reader';
import { collect, memoryObject } from './memory-object';

const text = (parts: Uint8Array[]) => parts.map((p) => Buffer.from(p).toString('latin1'));

async function shardBytes(data: string, count: number, chunk: number) {
  const { object, bytes } = memoryObject(data, chunk);
  const shards: Uint8Array[] = [];
  for (const range of planRanges(bytes.length, count))
    shards.push(await collect(alignedRange(object.openRange, range, bytes.length)));
  return { bytes, shards };
}

describe('line-aligned byte ranges', () => {
  it('reads every line exactly once, each shard starting at a line start', async () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\r', 'é'), maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        async (lines, trailing, count, chunk) => {
          const data = lines.join('\n') + (trailing ? '\n' : '');
          const { bytes, shards } = await shardBytes(data, count, chunk);
          expect(Buffer.concat(shards).equals(Buffer.from(bytes))).toBe(true);
          let at = 0;
          for (const s of shards) {
            if (s.length > 0) expect(at === 0 || bytes[at - 1] === 0x0a).toBe(true);
            at += s.length;
          }
        },
      ),
      { seed: 20_250_601, numRuns: 300 },
    );
  });

  it('gives nothing to a shard whose range lies inside one long line', async () => {
    const data = `short\n${'x'.repeat(100)}\nend\n`;
    const { shards } = await shardBytes(data, 10, 7);
    // shard 0 owns both lines starting inside its 11 bytes; the long line spans shards 1 to 8
    expect(text(shards)).toEqual([`short\n${'x'.repeat(100)}\n`, ...Array(8).fill(''), 'end\n']);
  });

  it('starts a shard exactly at its offset when the byte before it is a newline', async () => {
    const { shards } = await shardBytes('abc\ndef\n', 2, 3);
    expect(text(shards)).toEqual(['abc\n', 'def\n']);
  });

  it('regroups chunks into fresh buffers of at least the requested size', async () => {
    const input = new Uint8Array(10).map((_, i) => i);
    async function* parts() {
      for (let i = 0; i < 10; i += 3) yield input.subarray(i, i + 3);
    }
    const out: Uint8Array[] = [];
    for await (const c of rechunk(parts(), 4)) out.push(c);
    expect(out.map((c) => [...c])).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9],
    ]);
    for (const c of out) {
      expect(c.buffer).not.toBe(input.buffer);
      expect(c.byteLength).toBe(c.buffer.byteLength);
    }
  });
});
