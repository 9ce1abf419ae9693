import { decodeText } from '../parse/decode';
import { detectFormat } from '../parse/format';
import type { ParseState } from '../parse/items';
import { parseRecords } from '../parse/records';

/**
 * The first `limit` readable records of a sample (bytes, optionally gzip), for checking a field
 * mapping without reading the whole file. Malformed rows are skipped; the caller closes the source.
 */
export async function readHeadRecords(
  source: AsyncIterable<Uint8Array>,
  options: { fileName?: string; limit?: number } = {},
): Promise<unknown[]> {
  const limit = options.limit ?? 200;
  const text = decodeText(source, { bytes: 0 });
  let head = '';
  for (let r = await text.next(); !r.done; r = await text.next()) {
    head += r.value;
    const nl = head.indexOf('\n');
    if ((nl >= 0 && head.indexOf('\n', nl + 1) >= 0) || head.length >= 65536) break;
  }
  const format = detectFormat(options.fileName, head);
  async function* chunks(): AsyncGenerator<string> {
    if (head) yield head;
    for (let r = await text.next(); !r.done; r = await text.next()) yield r.value;
  }
  const state: ParseState = { lines: 0 };
  const out: unknown[] = [];
  for await (const batch of parseRecords(chunks(), format, head, state)) {
    for (const item of batch) {
      if (item.error === undefined) out.push(item.value);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
