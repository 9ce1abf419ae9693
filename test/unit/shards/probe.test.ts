import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { probeSample } from '../../../functions/analyze/shards/probe';
import { memoryObject } from './memory-object';

const probe = async (data: string | Uint8Array, fileName: string, fields = {}) =>
  probeSample(await memoryObject(data, 5).object.open(), { fileName, fields });

const lines = (n: number, extra: (i: number) => object = () => ({})) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ text: `record ${i} says hello`, ...extra(i) }),
  ).join('\n');

describe('probing a sample before sharding', () => {
  it('fixes the format and every field from the start of the file, "" meaning none', async () => {
    const data = `${lines(200)}\n${lines(50, (i) => ({ label: i % 2 ? 'a' : 'b' }))}\n`;
    const setup = await probe(data, 'x.jsonl');
    expect(setup?.format).toBe('jsonl');
    expect(setup?.fields).toMatchObject({ text: 'text', label: '', source: '', id: '' });
  });

  it('keeps field overrides and reads text files one record per line', async () => {
    const kinds = lines(5, (i) => ({ kind: `k${i}` }));
    expect((await probe(kinds, 'x.jsonl', { label: 'kind' }))?.fields.label).toBe('kind');
    const text = await probe('first line\nsecond, with a comma\n', 'notes.txt');
    expect(text).toMatchObject({ format: 'text', fields: { text: 'text' } });
  });

  it('declines gzip, JSON arrays, CSV and input the analyzer rejects', async () => {
    expect(await probe(new Uint8Array(gzipSync(lines(5))), 'x.jsonl')).toBeUndefined();
    expect(await probe('[{"text": "a"}]', 'x.json')).toBeUndefined();
    expect(await probe('text,label\nhello,a\n', 'x.csv')).toBeUndefined();
    expect(await probe('{"body": 1}\n', 'x.jsonl')).toBeUndefined();
    // a mapping naming a field the file lacks: the single pass refuses it with the message
    expect(await probe(lines(5), 'x.jsonl', { label: 'kind' })).toBeUndefined();
  });
});
