import { csvRecords } from './csv';
import type { InputFormat } from './format';
import type { ParseState, RawItem } from './items';
import { jsonArrayRecords } from './json-array';
import { defaultInputLimits, type InputLimits } from './limits';
import { lineRecords } from './lines';

/** Parses text chunks in `format` into batches of records and malformed rows. */
export function parseRecords(
  chunks: AsyncIterable<string>,
  format: InputFormat,
  head: string,
  state: ParseState,
  limits: InputLimits = defaultInputLimits,
): AsyncIterable<RawItem[]> {
  switch (format) {
    case 'json':
      return jsonArrayRecords(chunks, state, limits);
    case 'csv':
    case 'tsv':
      return csvRecords(chunks, head, format === 'tsv', state, limits);
    default:
      return lineRecords(chunks, format, state, limits);
  }
}
