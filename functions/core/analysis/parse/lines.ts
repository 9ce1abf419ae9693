import { asRecord, jsonError, type ParseState, type RawItem } from './items';

/**
 * Splits text chunks into lines and turns each non-blank line into an item: JSON Lines parse each
 * line, text mode wraps it as { text }. Yields one batch per chunk to keep per-record overhead low.
 */
export async function* lineRecords(
  chunks: AsyncIterable<string>,
  mode: 'jsonl' | 'text',
  state: ParseState,
): AsyncGenerator<RawItem[]> {
  let rest = '';
  let line = 0;
  const take = (raw: string, out: RawItem[]) => {
    line++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    if (mode === 'text') {
      out.push({ line, value: { text } });
      return;
    }
    try {
      out.push(asRecord(JSON.parse(text), line));
    } catch (e) {
      out.push({ line, error: jsonError(e) });
    }
  };
  for await (const chunk of chunks) {
    const buf = rest + chunk;
    const batch: RawItem[] = [];
    let start = 0;
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', start)) {
      take(buf.slice(start, nl), batch);
      start = nl + 1;
    }
    rest = buf.slice(start);
    state.lines = line;
    if (batch.length > 0) yield batch;
  }
  const batch: RawItem[] = [];
  if (rest !== '') take(rest, batch);
  state.lines = line;
  if (batch.length > 0) yield batch;
}
