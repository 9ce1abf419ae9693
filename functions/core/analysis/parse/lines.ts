import { asRecord, jsonError, type ParseState, type RawItem } from './items';
import { checkLineLength, checkRecordShape, defaultInputLimits, type InputLimits } from './limits';
import { invalidUtf8Message, wellFormed } from './utf8';

/**
 * Splits text chunks into lines and turns each non-blank line into an item: JSON Lines parse each
 * line, text mode wraps it as { text }. Yields one batch per chunk to keep per-record overhead low.
 */
export async function* lineRecords(
  chunks: AsyncIterable<string>,
  mode: 'jsonl' | 'text',
  state: ParseState,
  limits: InputLimits = defaultInputLimits,
): AsyncGenerator<RawItem[]> {
  let rest = '';
  let line = 0;
  const take = (raw: string, out: RawItem[]) => {
    line++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    if (!wellFormed(text)) {
      out.push({ line, error: invalidUtf8Message });
      return;
    }
    if (mode === 'text') {
      checkLineLength(text.length, line, limits);
      out.push({ line, value: { text } });
      return;
    }
    checkLineLength(text.length, line, limits);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      out.push({ line, error: jsonError(e) });
      return;
    }
    checkRecordShape(value, line, limits);
    out.push(asRecord(value, line));
  };
  for await (const chunk of chunks) {
    const first = chunk.indexOf('\n');
    if (first === -1) {
      // only search the new text: an endless line costs linear time until the limit stops it
      rest += chunk;
      checkLineLength(rest.length, line + 1, limits);
      continue;
    }
    const buf = rest + chunk;
    const batch: RawItem[] = [];
    let start = 0;
    for (let nl = rest.length + first; nl !== -1; nl = buf.indexOf('\n', start)) {
      take(buf.slice(start, nl), batch);
      start = nl + 1;
    }
    rest = buf.slice(start);
    checkLineLength(rest.length, line + 1, limits);
    state.lines = line;
    if (batch.length > 0) yield batch;
  }
  const batch: RawItem[] = [];
  if (rest !== '') take(rest, batch);
  state.lines = line;
  if (batch.length > 0) yield batch;
}
