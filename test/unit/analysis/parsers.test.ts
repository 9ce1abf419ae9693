import { describe, expect, it } from 'vitest';
import { AnalysisInputError, foldSource } from '../../../functions/core/analysis';
import { chunked, gz, jsonl } from './helpers';

const fold = (data: string | Uint8Array, fileName: string, chunk = 7) =>
  foldSource(chunked(data, chunk), { fileName });

async function failure(p: Promise<unknown>): Promise<AnalysisInputError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AnalysisInputError);
  return e as AnalysisInputError;
}

describe('streaming parsers', () => {
  it('reads JSON Lines across chunk boundaries, skipping blank lines', async () => {
    const p = await fold(
      `${jsonl([{ text: 'héllo wörld' }, { text: 'second one' }])}\n\n${jsonl([{ text: 'third' }])}`,
      'a.jsonl',
    );
    expect(p.records).toBe(3);
    expect(p.format).toBe('jsonl');
    expect(p.lines).toBe(5);
  });

  it('counts malformed lines with their line numbers and keeps going below the threshold', async () => {
    const good = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ text: `record number ${i}` }),
    );
    good.splice(4, 0, '{"text": "broken');
    good.splice(10, 0, '[1, 2]');
    const p = await fold(good.join('\n'), 'a.jsonl', 4096);
    expect(p.records).toBe(200);
    expect(p.malformed).toBe(2);
    expect(p.malformedExamples.map((m) => m.line)).toEqual([5, 11]);
    expect(p.malformedExamples[0]?.message).toMatch(/^invalid JSON: /);
    expect(p.malformedExamples[1]?.message).toBe('expected a JSON object, found an array');
  });

  it('fails past the threshold with a message naming the first bad line', async () => {
    const lines = Array.from({ length: 100 }, (_, i) =>
      i % 5 === 3 ? '{oops' : JSON.stringify({ text: `row ${i}` }),
    );
    const e = await failure(fold(lines.join('\n'), 'a.jsonl', 4096));
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^line 4: invalid JSON: .+20 of 100 rows could not be read/);
  });

  it('streams the elements of a JSON array, strings included, with element line numbers', async () => {
    const text =
      '[\n  {"text": "a, b ] c"},\n  {"text": "quote \\" and [brackets]"},\n  "plain string",\n  {"text": 5,}\n]';
    const p = await fold(text, 'a.json', 3);
    expect(p.format).toBe('json');
    expect(p.records).toBe(3);
    expect(p.malformedExamples).toEqual([
      { line: 5, message: expect.stringMatching(/^invalid JSON/) },
    ]);
  });

  it('reports a truncated JSON array at the unfinished element', async () => {
    const p = await fold('[{"text": "one"},\n{"text": "two"},\n{"text": "thr', 'a.json');
    expect(p.records).toBe(2);
    expect(p.malformedExamples).toEqual([
      { line: 3, message: 'unexpected end of input: the JSON array is not closed' },
    ]);
  });

  it('rejects a JSON document that is not an array', async () => {
    const e = await failure(fold('"just a string"', 'a.json'));
    expect(e.message).toBe('line 1: expected a JSON array of records ("[")');
  });

  it('reads CSV with a byte-order mark, quoted newlines and a detected delimiter', async () => {
    const csv =
      '\uFEFFid;text;label\n1;"multi\nline; text";pos\n2;plain;neg\n3;"too";many;cells\n4;last;pos\n';
    const p = await fold(csv, 'a.csv', 5);
    expect(p.records).toBe(3);
    expect(p.fields.text).toBe('text');
    expect(p.malformed).toBe(1);
    expect(p.malformedExamples[0]?.line).toBe(5);
    expect(p.labels.names).toEqual(['pos', 'neg']);
  });

  it('reads TSV and plain text one record per line', async () => {
    expect((await fold('text\tlabel\nhello there\tx\nbye now\ty\n', 'a.tsv')).records).toBe(2);
    const t = await fold('First document line.\n\nSecond document.\r\nThird', 'wiki.txt');
    expect(t.format).toBe('text');
    expect(t.records).toBe(3);
  });

  it('detects gzip by its magic bytes, whatever the file name', async () => {
    const p = await fold(
      gz(jsonl([{ text: 'compressed record' }, { text: 'another one' }])),
      'upload.bin',
      5,
    );
    expect(p.records).toBe(2);
    expect(p.format).toBe('jsonl');
  });

  it('explains corrupt gzip, UTF-16, binary and empty input', async () => {
    const broken = gz(jsonl([{ text: 'x'.repeat(1000) }])).slice(0, 30);
    expect((await failure(fold(broken, 'a.jsonl.gz'))).message).toMatch(/not a valid gzip file/);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]);
    expect((await failure(fold(utf16, 'a.jsonl'))).message).toMatch(/UTF-16/);
    expect((await failure(fold(new Uint8Array([1, 2, 0, 4, 5]), 'a.jsonl'))).message).toMatch(
      /binary/,
    );
    expect((await failure(fold('', 'a.jsonl'))).message).toMatch(/no records found/);
  });
});
