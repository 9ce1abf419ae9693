import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderedOutputs } from '../../functions/analyze/distributed/results';
import type { FoldOutput, ManifestItem } from '../../functions/analyze/distributed/types';
import { executionName } from '../../functions/analyze/distributed/types';
import { main } from '../../functions/cli/main';
import { lineAlignedRanges, treeHash } from '../../functions/core/tree-hash';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const finder = (bytes: Uint8Array) => async (from: number) => bytes.indexOf(0x0a, from);

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: { write: (c: string) => (out += c) },
    stderr: { write: (c: string) => (err += c) },
    isTTY: false,
  });
  return { code, out, err };
}

describe('line-aligned ranges', () => {
  it('cover the file exactly once, end after a newline, and are at least the range size', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i} ${'x'.repeat(i % 97)}`);
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    for (const size of [1, 7, 100, 1000, bytes.length, bytes.length * 2]) {
      const ranges = await lineAlignedRanges(bytes.length, size, finder(bytes));
      expect(ranges[0]?.start).toBe(0);
      expect(ranges.at(-1)?.end).toBe(bytes.length);
      for (const [i, r] of ranges.entries()) {
        expect(r.end).toBeGreaterThan(r.start);
        expect(bytes[r.end - 1]).toBe(0x0a);
        if (i < ranges.length - 1) {
          expect(r.end - r.start).toBeGreaterThanOrEqual(size);
          expect(ranges[i + 1]?.start).toBe(r.end);
        }
      }
    }
  });

  it('keeps a line longer than the range in one range, and a last line without newline', async () => {
    const bytes = new TextEncoder().encode(`short\n${'y'.repeat(50)}\nend`);
    const ranges = await lineAlignedRanges(bytes.length, 10, finder(bytes));
    expect(ranges).toEqual([
      { start: 0, end: 57 },
      { start: 57, end: 60 },
    ]);
  });

  it('refuses a range size that is not a positive whole number', async () => {
    await expect(lineAlignedRanges(10, 0, async () => -1)).rejects.toThrow(/positive whole number/);
  });
});

describe('tree hash', () => {
  it('is SHA-256 over the 32-byte range digests in order, never the plain file hash', () => {
    const a = sha('first range\n');
    const b = sha('second range\n');
    const expected = sha(Buffer.concat([Buffer.from(a, 'hex'), Buffer.from(b, 'hex')]));
    expect(treeHash([a, b])).toBe(expected);
    expect(treeHash([b, a])).not.toBe(expected);
    expect(treeHash([sha('whole\n')])).toBe(sha(Buffer.from(sha('whole\n'), 'hex')));
    expect(() => treeHash(['abc'])).toThrow(/not a SHA-256 hex digest/);
  });
});

describe('diligence hash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diligence-hash-'));
  const file = join(dir, 'sample.jsonl');
  const body = Array.from({ length: 300 }, (_, i) => JSON.stringify({ text: `record ${i}` })).join(
    '\n',
  );
  writeFileSync(file, `${body}\n`);

  it('prints the tree hash the portal computes for the same range size', async () => {
    const bytes = new TextEncoder().encode(`${body}\n`);
    const ranges = await lineAlignedRanges(bytes.length, 1024, finder(bytes));
    expect(ranges.length).toBeGreaterThan(3);
    const expected = treeHash(ranges.map((r) => sha(bytes.subarray(r.start, r.end))));
    const { code, out } = await run(['hash', file, '--range-bytes', '1024']);
    expect(code).toBe(0);
    expect(out).toBe(
      `${expected}  ${file}\nsha256-tree; range-bytes=1024; ranges=${ranges.length}\n`,
    );
    const json = await run(['hash', file, '--range-bytes', '1024', '--json']);
    expect(JSON.parse(json.out)).toEqual({
      sha256: expected,
      method: 'sha256-tree; range-bytes=1024',
      ranges: ranges.length,
    });
  });

  it('uses one 512 MiB range by default for a small file', async () => {
    const { code, out } = await run(['hash', file]);
    expect(code).toBe(0);
    const whole = sha(`${body}\n`);
    expect(out.split('  ')[0]).toBe(treeHash([whole]));
    expect(out).toMatch(/range-bytes=536870912; ranges=1/);
  });

  it('refuses a bad range size and a missing file with exit 2 and a message', async () => {
    const bad = await run(['hash', file, '--range-bytes', '12kb']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--range-bytes takes a positive whole number of bytes/);
    const missing = await run(['hash', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*nope\.jsonl/);
    expect((await run(['hash'])).code).toBe(2);
  });
});

describe('fold outputs from the Map', () => {
  const items = [0, 1, 2].map((index) => ({ index }) as ManifestItem);
  const out = (index: number, digest = sha(String(index))): FoldOutput => ({
    index,
    partialKey: `p/${index}`,
    sha256: digest,
    records: 10 + index,
  });

  it('orders shuffled outputs by index and drops duplicates', () => {
    const ordered = orderedOutputs(items, [out(2), out(0), out(2), out(1), out(0)]);
    expect(ordered.map((o) => o.index)).toEqual([0, 1, 2]);
  });

  it('refuses a missing range and two different results for one range', () => {
    expect(() => orderedOutputs(items, [out(0), out(2)])).toThrow(/no fold result for range 1/);
    expect(() => orderedOutputs(items, [out(0), out(1), out(2), out(1, sha('other'))])).toThrow(
      /range 1 was folded twice with different results/,
    );
  });
});

describe('execution names', () => {
  it('are the same for one upload, differ per ETag, and fit Step Functions names', () => {
    const id = '01HZX3K9Q7W8E5R2T4Y6U8I0OP';
    expect(executionName(id, '"abc"')).toBe(executionName(id, '"abc"'));
    expect(executionName(id, '"abc"')).not.toBe(executionName(id, '"abd"'));
    expect(executionName(id, '"d41d8cd98f00b204e9800998ecf8427e-12"')).toMatch(
      /^[A-Za-z0-9_-]{1,80}$/,
    );
  });
});
