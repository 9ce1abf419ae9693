import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fanOut } from '../../functions/analyze/shards/fan-out';
import { foldSource, serializePartial } from '../../functions/core/analysis';
import { invalidUtf8Message } from '../../functions/core/analysis/parse/utf8';
import { chunked, words } from '../unit/analysis/helpers';
import { memoryObject } from '../unit/shards/memory-object';

const enc = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s);
/** Lines joined by LF; a Buffer line is written as raw bytes (maybe not UTF-8). */
const file = (lines: (string | Buffer)[]) =>
  new Uint8Array(Buffer.concat(lines.flatMap((l, i) => (i ? [enc('\n'), enc(l)] : [enc(l)]))));
const many = '²naïve façade, 日本語のテキスト, emoji 😀💀, a literal \uFFFD replacement sign';
const record = (i: number) => JSON.stringify({ text: `${i} ${many} ${words(i, 12)}` });
const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** 200 records with three lines that are not UTF-8 (Latin-1, a lone continuation, a cut sequence). */
function withInvalid(): Uint8Array {
  const lines: (string | Buffer)[] = Array.from({ length: 200 }, (_, i) => record(i));
  lines.splice(4, 0, latin1('{"text":"café crème brûlée, written in Latin-1"}'));
  lines.splice(50, 0, Buffer.concat([enc('{"text":"lone '), Buffer.from([0x80]), enc(' byte"}')]));
  lines.splice(120, 0, Buffer.concat([enc('{"text":"cut '), Buffer.from([0xe6, 0x97]), enc('"}')]));
  return file(lines);
}

describe('bytes that are not UTF-8', () => {
  it('count their line as malformed, with its line number, at any chunk size', async () => {
    for (const chunk of [1, 2, 3, 5, 7, 4096]) {
      const p = await foldSource(chunked(withInvalid(), chunk), { fileName: 'a.jsonl' });
      expect(p.records, `chunk ${chunk}`).toBe(200);
      expect(p.malformed).toBe(3);
      expect(p.malformedExamples).toEqual([
        { line: 5, message: invalidUtf8Message },
        { line: 51, message: invalidUtf8Message },
        { line: 121, message: invalidUtf8Message },
      ]);
    }
  });

  it('count in text, CSV, JSON arrays and gzip alike; valid multi-byte text never does', async () => {
    const texts = Array.from({ length: 30 }, (_, i) => `${i} ${many}`);
    const bad = latin1('ligne déjà vue');
    const text = file([...texts.slice(0, 3), bad, ...texts.slice(3)]);
    const csv = file([
      'id,text',
      ...texts.slice(0, 3).map((t, i) => `${i},"${t}"`),
      Buffer.concat([enc('9,'), bad]),
      ...texts.slice(3).map((t, i) => `${i + 3},"${t}"`),
    ]);
    const array = file([
      '[',
      ...texts.slice(0, 3).map((t) => `${JSON.stringify({ text: t })},`),
      Buffer.concat([enc('{"text":"'), bad, enc('"},')]),
      ...texts
        .slice(3)
        .map((t, i, all) => JSON.stringify({ text: t }) + (i < all.length - 1 ? ',' : '')),
      ']',
    ]);
    // the bad row is line 4 of the text, line 5 of the CSV and the array (after "id,text" or "[")
    const cases: [Uint8Array, string, number][] = [
      [text, 't.txt', 4],
      [new Uint8Array(gzipSync(text)), 't.txt.gz', 4],
      [csv, 'c.csv', 5],
      [array, 'a.json', 5],
    ];
    for (const [data, fileName, line] of cases) {
      const p = await foldSource(chunked(data, 3), { fileName });
      expect(p.records, fileName).toBe(30);
      expect(p.malformedExamples, fileName).toEqual([{ line, message: invalidUtf8Message }]);
    }
    const clean = await foldSource(chunked(file(texts), 1), { fileName: 't.txt' });
    expect(clean.malformed).toBe(0);
  });

  it('mark a CSV row spanning lines as malformed, and only that row', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},"${i} ${many}"`);
    const split = Buffer.concat([enc('99,"first line '), latin1('déjà'), enc('\nsecond line"')]);
    const data = file(['id,text', ...rows.slice(0, 2), split, ...rows.slice(2)]);
    const p = await foldSource(chunked(data, 4), { fileName: 'c.csv' });
    expect(p.records).toBe(30);
    expect(p.malformedExamples).toEqual([{ line: 5, message: invalidUtf8Message }]);
  });

  it('are counted the same when shard boundaries fall inside multi-byte characters', async () => {
    const data = withInvalid();
    const { object, ranges } = memoryObject(data, 5);
    const sharded = await fanOut(object, { fileName: 's.jsonl', workers: 2, shards: 24 });
    if (!sharded) throw new Error('the sample was not sharded');
    const whole = await foldSource(chunked(data, 4096), { fileName: 's.jsonl' });
    expect(serializePartial(sharded)).toEqual(serializePartial(whole));
    expect(sharded.malformedExamples.map((m) => m.line)).toEqual([5, 51, 121]);
    // some shards start inside a character (on a continuation byte)
    expect(ranges.some(([start]) => ((data[start] as number) & 0xc0) === 0x80)).toBe(true);
  }, 120_000);
});
