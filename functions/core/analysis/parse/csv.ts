import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { AnalysisInputError } from '../errors';
import type { ParseState, RawItem } from './items';
import { checkColumns, defaultInputLimits, InputLimitError, type InputLimits } from './limits';
import { invalidLines, invalidUtf8Message } from './utf8';

type CsvRow = { record: Record<string, string>; info: { lines: number } };

function delimiterOf(head: string, fallback: string): string {
  const firstLine = head.split('\n', 1)[0] ?? '';
  let best = fallback;
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function headerNames(header: string[], limits: InputLimits): string[] {
  checkColumns(header.length, 1, limits);
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim() || `column_${i + 1}`;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return n === 0 ? name : `${name}_${n + 1}`;
  });
}

/** What the text passing to the CSV parser showed: lines with bytes that were not UTF-8. */
interface Watch {
  /** Lines (LF-counted) holding bytes that were not UTF-8, ascending, not yet matched to a row. */
  invalid: number[];
  /** The last line of the header (rows start after it). */
  headerEnd: number;
}

/**
 * Passes text through, counting the header's delimiters (outside quotes) as it goes: a header
 * wider than the column limit fails before the CSV parser builds a million-field row. Notes the
 * lines with bytes that were not UTF-8 (the parser's byte stream would turn them into U+FFFD).
 */
async function* checkedHeader(
  chunks: AsyncIterable<string>,
  delimiter: string,
  limits: InputLimits,
  watch: Watch,
): AsyncGenerator<string> {
  let inHeader = true;
  let quoted = false;
  let columns = 1;
  let line = 1;
  const d = delimiter.charCodeAt(0);
  for await (const chunk of chunks) {
    for (let i = 0; inHeader && i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (!quoted && c === d) columns++;
      else if (!quoted && c === 10) inHeader = false;
      else if (c === 10) watch.headerEnd++;
    }
    checkColumns(columns, 1, limits);
    line = invalidLines(chunk, line, watch.invalid);
    yield chunk;
  }
}

/** True when a line in (`after`, `end`] held bytes that were not UTF-8; forgets lines up to `end`. */
function takeInvalid(watch: Watch, after: number, end: number): boolean {
  let hit = false;
  while (watch.invalid[0] !== undefined && watch.invalid[0] <= end) {
    if ((watch.invalid.shift() as number) > after) hit = true;
  }
  return hit;
}

/**
 * Streams CSV (or TSV) rows as objects keyed by the header, with csv-parse. The delimiter is taken
 * from the header line; rows that fail to parse are reported with their line and skipped.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  head: string,
  tab: boolean,
  state: ParseState,
  limits: InputLimits = defaultInputLimits,
): AsyncGenerator<RawItem[]> {
  const skipped: RawItem[] = [];
  const delimiter = delimiterOf(head, tab ? '\t' : ',');
  const parser = parse({
    bom: true,
    columns: (header: string[]) => headerNames(header, limits),
    max_record_size: limits.maxLineBytes,
    delimiter,
    info: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const watch: Watch = { invalid: [], headerEnd: 1 };
  let lastEnd = 0;
  parser.on('skip', (err: CsvError & { lines?: number }) => {
    skipped.push({ line: err.lines ?? 0, error: `invalid CSV row: ${err.message}` });
    takeInvalid(watch, lastEnd, err.lines ?? 0);
    lastEnd = Math.max(lastEnd, err.lines ?? 0);
  });
  const input = Readable.from(checkedHeader(chunks, delimiter, limits, watch));
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let batch: RawItem[] = [];
  try {
    for await (const row of parser as AsyncIterable<CsvRow>) {
      if (skipped.length > 0) batch.push(...skipped.splice(0));
      const end = row.info.lines;
      const invalid = takeInvalid(watch, Math.max(lastEnd, watch.headerEnd), end);
      lastEnd = end;
      batch.push(
        invalid ? { line: end, error: invalidUtf8Message } : { line: end, value: row.record },
      );
      if (batch.length >= 256) {
        state.lines = row.info.lines;
        yield batch;
        batch = [];
      }
    }
  } catch (e) {
    const err = e as CsvError & { lines?: number };
    if (typeof err.code !== 'string' || !err.code.startsWith('CSV_')) throw e;
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      throw new InputLimitError(
        'maxLineBytes',
        `a record is longer than ${limits.maxLineBytes.toLocaleString('en-US')} characters`,
        { line: err.lines },
      );
    }
    throw new AnalysisInputError(`invalid CSV: ${err.message}`, { line: err.lines, cause: e });
  }
  if (skipped.length > 0) batch.push(...skipped.splice(0));
  state.lines = parser.info.lines;
  if (batch.length > 0) yield batch;
}
