import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../../functions/core/analysis';
import {
  checkFieldOverrides,
  FieldMappingError,
  listFieldPaths,
} from '../../../functions/core/analysis/fields/check';
import { readHeadRecords } from '../../../functions/core/analysis/fields/head';
import { unusableReason } from '../../../functions/core/analysis/usability';

const records = [
  { body: 'hello there', meta: { lang: 'en', src: { url: 'x' } }, messages: [{ content: 'hi' }] },
  { body: 'again', extra: 1 },
];

const bytes = (s: string) => Readable.from([Buffer.from(s)]);

describe('field mapping check', () => {
  it('lists top-level and nested fields in first-seen order', () => {
    expect(listFieldPaths(records)).toEqual([
      'body',
      'meta',
      'meta.lang',
      'meta.src',
      'meta.src.url',
      'messages',
      'extra',
    ]);
  });

  it('accepts fields that reach a value, including nested and joined paths', () => {
    expect(() =>
      checkFieldOverrides(
        { text: 'messages[*].content', label: 'meta.lang', source: 'extra' },
        records,
      ),
    ).not.toThrow();
  });

  it('refuses a missing field, naming the slot, the field, the file and the fields found', () => {
    let error: unknown;
    try {
      checkFieldOverrides({ text: 'body', createdAt: 'date' }, records, 'a.jsonl');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FieldMappingError);
    const e = error as FieldMappingError;
    expect([e.slot, e.field]).toEqual(['createdAt', 'date']);
    expect(e.message).toBe(
      'the creation date field "date" is not in the file "a.jsonl"; fields found: body, meta, meta.lang, meta.src, meta.src.url, messages, extra. Name one of these, or leave the creation date field empty to detect it.',
    );
  });

  it('reads only the first records of a gzip file', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify({ i, text: `t${i}` }));
    const head = await readHeadRecords(Readable.from([gzipSync(lines.join('\n'))]), {
      fileName: 'x.jsonl.gz',
      limit: 10,
    });
    expect(head).toHaveLength(10);
    expect(head[9]).toEqual({ i: 9, text: 't9' });
  });

  it('makes the analyzer refuse the same mapping', async () => {
    const file = records.map((r) => JSON.stringify(r)).join('\n');
    await expect(
      analyzeSource(bytes(file), { fileName: 'a.jsonl', fields: { text: 'content' } }),
    ).rejects.toThrow(/the text field "content" is not in the file "a.jsonl"; fields found: body/);
  });
});

describe('usability', () => {
  const file = (withText: number, blank: number) =>
    [
      ...Array.from({ length: withText }, (_, i) =>
        JSON.stringify({ text: `record ${i} says something different each time ${i * 7}` }),
      ),
      ...Array.from({ length: blank }, () => JSON.stringify({ text: ' ' })),
    ].join('\n');

  it('calls an analysis with most records lacking text unusable, with what to fix', async () => {
    const { analysis } = await analyzeSource(bytes(file(4, 6)), {
      fileName: 'a.jsonl',
      fields: { text: 'text' },
    });
    expect(unusableReason(analysis)).toMatch(
      /^6 of 10 records \(60%\) have no text in the field "text"\. Name the field that holds the text/,
    );
  });

  it('keeps an analysis with half or fewer blank records usable', async () => {
    const { analysis } = await analyzeSource(bytes(file(5, 5)), {
      fileName: 'a.jsonl',
      fields: { text: 'text' },
    });
    expect(unusableReason(analysis)).toBeUndefined();
  });
});
