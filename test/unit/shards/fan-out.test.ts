import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fanOut } from '../../../functions/analyze/shards/fan-out';
import { foldObject } from '../../../functions/analyze/shards/fold-object';
import {
  type AnalysisPartial,
  finalize,
  foldSource,
  serializePartial,
} from '../../../functions/core/analysis';
import { NOW, words } from '../analysis/helpers';
import { memoryObject } from './memory-object';

/** JSON Lines with duplicates, bad rows, blank and CRLF lines, one line longer than a shard, a
 * label that only appears after record 300, and no newline at the end. */
function messy(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 50 === 17) out.push('{not json');
    if (i % 60 === 5) out.push('');
    const text = i === 400 ? words(i, 3000) : i % 10 === 3 ? words(3, 40) : words(i, 30 + (i % 20));
    const record = { text, created_at: `2024-0${1 + (i % 9)}-1${i % 10}` };
    const line = JSON.stringify(i >= 300 ? { ...record, label: ['a', 'b'][i % 2] } : record);
    out.push(i % 7 === 0 ? `${line}\r` : line);
  }
  return out.join('\n');
}

/** Clean JSON Lines with `extra(i)` lines inserted before record i. */
function clean(n: number, extra: (i: number) => string[]): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(...extra(i), JSON.stringify({ text: words(i, 20) }));
  return `${out.join('\n')}\n`;
}

const opts = { fileName: 'x.jsonl', workers: 2 };

async function whole(data: string | Uint8Array, fileName: string) {
  return foldSource(await memoryObject(data).object.open(), { fileName });
}

const same = (a: AnalysisPartial, b: AnalysisPartial) => {
  expect(serializePartial(a)).toEqual(serializePartial(b));
  expect(JSON.stringify(finalize(a, { now: NOW }))).toBe(JSON.stringify(finalize(b, { now: NOW })));
};

describe('fan-out over worker threads', () => {
  it('merges line-aligned shards into exactly the one-pass partial', async () => {
    const data = messy(1200);
    const { object, ranges } = memoryObject(data, 1000);
    const sharded = await fanOut(object, { fileName: 's.jsonl', workers: 2, shards: 40 });
    if (!sharded) throw new Error('the sample was not sharded');
    same(sharded, await whole(data, 's.jsonl'));
    expect(sharded.fields).not.toHaveProperty('label');
    const bad = data.split('\n').flatMap((l, i) => (l === '{not json' ? [i + 1] : []));
    expect(sharded.malformedExamples.map((m) => m.line)).toEqual(bad.slice(0, 10));
    expect(new Set(ranges.map(([start]) => start)).size).toBeGreaterThan(30);
  }, 180_000);

  it('keeps a byte-order mark that starts a later shard as text, as the one pass does', async () => {
    const a = `${JSON.stringify({ text: words(1, 30) })}\n`;
    const b = `\uFEFF${JSON.stringify({ text: words(2, 30) })}\n`;
    const half = Buffer.byteLength(a.repeat(20));
    const pad = half - Buffer.byteLength(b) - Buffer.byteLength(a);
    const data = `${a.repeat(20)}${b}${a.trimEnd()}${' '.repeat(pad)}\n`;
    expect(Buffer.byteLength(data)).toBe(2 * half); // so shard 2 of 2 starts at the marked line
    const sharded = await fanOut(memoryObject(data).object, { ...opts, shards: 2 });
    if (!sharded) throw new Error('the sample was not sharded');
    same(sharded, await whole(data, 'x.jsonl'));
    expect(sharded.malformed).toBe(1);
  });

  it('shards plain text files too', async () => {
    const data = Array.from({ length: 500 }, (_, i) => words(i % 300, 25)).join('\n');
    const sharded = await fanOut(memoryObject(data).object, {
      fileName: 'notes.txt',
      workers: 2,
      shards: 7,
    });
    if (!sharded) throw new Error('the sample was not sharded');
    same(sharded, await whole(data, 'notes.txt'));
  });

  it('reports the one-pass error, with its absolute line, when shards reject their rows', async () => {
    const bad = (i: number) => (i >= 400 && i % 2 ? ['{oops'] : []);
    const data = clean(600, bad);
    const { object } = memoryObject(data);
    expect(await fanOut(object, { ...opts, shards: 6 })).toBeUndefined();
    const expected = await whole(data, 'x.jsonl').catch((e: Error) => e.message);
    expect(expected).toMatch(/^line 402: invalid JSON.*\(100 of 700 rows could not be read/);
    await expect(foldObject(object, { ...opts, shardBytes: 5000 })).rejects.toThrow(
      expected as string,
    );
  });

  it('rejects a file whose shards each stay within the malformed limits but the whole does not', async () => {
    const data = clean(600, (i) => (i % 10 === 4 ? ['{oops'] : []));
    const { object } = memoryObject(data);
    expect(await fanOut(object, { ...opts, shards: 12 })).toBeUndefined();
    const expected = await whole(data, 'x.jsonl').catch((e: Error) => e.message);
    expect(expected).toMatch(/^line 5: invalid JSON.*\(60 of 660 rows/);
    await expect(foldObject(object, { ...opts, shardBytes: 5000 })).rejects.toThrow(
      expected as string,
    );
  });

  it('folds gzip in one pass and still returns the SHA-256 of the stored bytes', async () => {
    const data = messy(300);
    const gz = new Uint8Array(gzipSync(data));
    const folded = await foldObject(memoryObject(gz).object, { ...opts, shardBytes: 1000 });
    expect(folded.shards).toBe(1);
    expect(folded.sha256).toBe(createHash('sha256').update(gz).digest('hex'));
    same(folded.partial, await whole(gz, 'x.jsonl'));
  });

  it('fans out big samples and hashes them with one sequential read alongside', async () => {
    const data = messy(800);
    const { object } = memoryObject(data);
    const folded = await foldObject(object, { ...opts, shardBytes: 20_000 });
    expect(folded.shards).toBeGreaterThan(2);
    expect(folded.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    same(folded.partial, await whole(data, 'x.jsonl'));
  });
});
