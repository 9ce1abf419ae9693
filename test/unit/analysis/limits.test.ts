import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultInputLimits, InputLimitError } from '../../../functions/core/analysis';
import { depthOf } from '../../../functions/core/analysis/parse/limits';
import { analyze, jsonl } from './helpers';

const records = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    text: `record ${i} about rivers and stones`,
    label: 'a',
  }));

async function failure(promise: Promise<unknown>): Promise<InputLimitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputLimitError);
  return error as InputLimitError;
}

describe('analysis input limits', () => {
  it('stops a gzip file at the decompressed size limit', async () => {
    const bomb = gzipSync(Buffer.from(jsonl(records(20_000))));
    const error = await failure(analyze(bomb, { input: { maxDecompressedBytes: 100_000 } }));
    expect(error.limit).toBe('maxDecompressedBytes');
    expect(error.message).toMatch(/expands to more than 97.7 KiB \(decompressed size limit\)/);
  });

  it('stops an endless line at the line length limit, naming the line', async () => {
    const endless = `${jsonl(records(3))}{"text":"${'a'.repeat(300_000)}`;
    const error = await failure(analyze(endless, { input: { maxLineBytes: 100_000 } }, 4096));
    expect(error.limit).toBe('maxLineBytes');
    expect(error.message).toMatch(
      /^line 4: the line is longer than 97.7 KiB \(line length limit\)/,
    );
  });

  it('stops a CSV with too many columns at the column limit', async () => {
    const header = Array.from({ length: 50 }, (_, i) => `c${i}`).join(',');
    const error = await failure(
      analyze(`${header}\n${header}\n`, { fileName: 'wide.csv', input: { maxColumns: 20 } }),
    );
    expect(error.limit).toBe('maxColumns');
    expect(error.message).toMatch(/line 1: more than 20 columns \(column limit\)/);
  });

  it('stops a JSON record with too many fields at the column limit', async () => {
    const wide = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, i]));
    const error = await failure(
      analyze(jsonl([{ text: 'x', ...wide }]), { input: { maxColumns: 20 } }),
    );
    expect(error.limit).toBe('maxColumns');
  });

  it('stops deep nesting at the depth limit, in JSON Lines and JSON arrays', async () => {
    const deep = `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`;
    const lines = await failure(analyze(`${jsonl(records(2))}${deep}\n`));
    expect(lines.limit).toBe('maxDepth');
    expect(lines.message).toMatch(/^line 3: the record nests deeper than 64 levels/);
    const array = await failure(analyze(`[{"text":"x"},\n${deep}]`, { fileName: 's.json' }));
    expect(array.limit).toBe('maxDepth');
    expect(array.message).toMatch(/^line 2: /);
    expect(depthOf({ a: [{ b: 1 }] }, 64)).toBe(3);
  });

  it('stops a file with too many records at the record limit', async () => {
    const error = await failure(analyze(jsonl(records(500)), { input: { maxRecords: 100 } }));
    expect(error.limit).toBe('maxRecords');
    expect(error.message).toMatch(/more than 100 records \(record count limit\)/);
  });

  it('stops an analysis that outlives its time limit', async () => {
    const error = await failure(
      analyze(jsonl(records(50)), { deadline: Date.now() - 1, input: { timeBudgetMs: 1000 } }),
    );
    expect(error.limit).toBe('timeBudgetMs');
    expect(error.message).toMatch(/took longer than 1 s \(time limit\)/);
  });

  it('passes ordinary samples under the default limits', async () => {
    const { analysis } = await analyze(jsonl(records(300)));
    expect(analysis.input.records).toBe(300);
    expect(defaultInputLimits.maxDepth).toBe(64);
  });
});

describe('JSON Lines named .csv', () => {
  it('reads the content as JSON Lines and warns about the name', async () => {
    const { analysis } = await analyze(jsonl(records(40)), { fileName: 'export.csv' });
    expect(analysis.input.format).toBe('jsonl');
    expect(analysis.input.records).toBe(40);
    const finding = analysis.findings.find((f) => f.id === 'input.misnamed');
    expect(finding?.message).toMatch(/named as CSV but holds JSON Lines/);
  });

  it('keeps reading a real CSV as CSV, without the warning', async () => {
    const csv = `text,label\n${records(40)
      .map((r) => `${r.text},${r.label}`)
      .join('\n')}\n`;
    const { analysis } = await analyze(csv, { fileName: 'export.csv' });
    expect(analysis.input.format).toBe('csv');
    expect(analysis.findings.some((f) => f.id === 'input.misnamed')).toBe(false);
  });
});
