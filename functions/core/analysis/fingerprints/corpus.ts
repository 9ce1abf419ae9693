import { AnalysisInputError } from '../errors';
import { checkFieldOverrides } from '../fields/check';
import { detectFields } from '../fields/detect';
import { compileExtractor, emptyExtracted } from '../fields/extract';
import { decodeText } from '../parse/decode';
import { detectFormat, type InputFormat } from '../parse/format';
import type { ParseState } from '../parse/items';
import { type InputLimits, inputLimits } from '../parse/limits';
import { parseRecords } from '../parse/records';
import type { FieldMapping } from '../types';

/** Options of `corpusTexts`. */
export interface CorpusOptions {
  /** Chooses the format (".jsonl", ".csv.gz", ...) as for a sample. */
  fileName?: string;
  format?: InputFormat;
  /** Field overrides (`--text`), as for a sample. */
  fields?: Partial<FieldMapping>;
  /** Records read before field detection (default 200). */
  detectionSample?: number;
  /** Input limits (defaults: the analyzer's, without its record and time caps). */
  input?: Partial<InputLimits>;
}

/** What `corpusTexts` read, filled in as it goes. */
export interface CorpusStats {
  records: number;
  malformed: number;
  fields: FieldMapping | null;
}

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (first) yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/**
 * Streams the record texts of a corpus file with the analyzer's own reader: gzip, JSON Lines, JSON
 * arrays, CSV/TSV and text, field detection on the first records (or `fields`), and the record's
 * text parts joined by newlines exactly as the fold joins them. Malformed rows are counted and
 * skipped; a corpus without any record fails with AnalysisInputError.
 */
export async function* corpusTexts(
  source: AsyncIterable<Uint8Array>,
  o: CorpusOptions = {},
  stats: CorpusStats = { records: 0, malformed: 0, fields: null },
): AsyncGenerator<string> {
  const limits = inputLimits({
    maxRecords: Number.MAX_SAFE_INTEGER,
    timeBudgetMs: 1e12,
    ...o.input,
  });
  const text = decodeText(source, { bytes: 0 }, limits);
  let head = '';
  for (let r = await text.next(); !r.done; r = await text.next()) {
    head += r.value;
    const nl = head.indexOf('\n');
    if ((nl >= 0 && head.indexOf('\n', nl + 1) >= 0) || head.length >= 65536) break;
  }
  const format = o.format ?? detectFormat(o.fileName, head);
  const state: ParseState = { lines: 0 };
  const sampleSize = o.detectionSample ?? 200;
  const pending: unknown[] = [];
  let extract: ((record: unknown, out: ReturnType<typeof emptyExtracted>) => void) | null = null;
  const ex = emptyExtracted();
  const start = () => {
    checkFieldOverrides(o.fields, pending, o.fileName);
    stats.fields = detectFields(pending, o.fields);
    return compileExtractor(stats.fields);
  };
  const textOf = (record: unknown): string => {
    (extract as NonNullable<typeof extract>)(record, ex);
    stats.records++;
    return ex.parts.length === 1 ? (ex.parts[0] as string) : ex.parts.join('\n');
  };
  for await (const batch of parseRecords(prepend(head, text), format, head, state, limits)) {
    for (const item of batch) {
      if (item.error !== undefined) {
        stats.malformed++;
        continue;
      }
      if (extract) {
        yield textOf(item.value);
        continue;
      }
      pending.push(item.value);
      if (pending.length >= sampleSize) {
        extract = start();
        for (const record of pending.splice(0)) yield textOf(record);
      }
    }
  }
  if (!extract) {
    if (pending.length === 0) throw new AnalysisInputError('no records found in the corpus');
    extract = start();
    for (const record of pending.splice(0)) yield textOf(record);
  }
}
