import type { ByteRange } from './plan';

/** Streams bytes [start, endInclusive] of a stored object. */
export type OpenRange = (start: number, endInclusive: number) => Promise<AsyncIterable<Uint8Array>>;

const NL = 0x0a;

async function* lineTail(open: OpenRange, from: number, size: number): AsyncGenerator<Uint8Array> {
  for await (const chunk of await open(from, size - 1)) {
    const nl = chunk.indexOf(NL);
    if (nl >= 0) {
      yield chunk.subarray(0, nl + 1);
      return; // leaving the loop closes the stream
    }
    yield chunk;
  }
}

/**
 * The bytes of the lines a shard owns: the lines that start inside `range`. A shard starting at
 * offset > 0 skips through the first newline at or after `start - 1`, and every shard reads on
 * past `end` to the end of the line containing byte `end - 1`, so each line is read exactly once.
 */
export async function* alignedRange(
  open: OpenRange,
  range: ByteRange,
  size: number,
): AsyncGenerator<Uint8Array> {
  if (range.start >= range.end) return;
  let skipping = range.start > 0;
  let last = -1;
  for await (const chunk of await open(skipping ? range.start - 1 : range.start, range.end - 1)) {
    let bytes = chunk;
    if (skipping) {
      const nl = bytes.indexOf(NL);
      if (nl < 0) continue;
      skipping = false;
      bytes = bytes.subarray(nl + 1);
    }
    if (bytes.length === 0) continue;
    last = bytes[bytes.length - 1] as number;
    yield bytes;
  }
  // nothing owned (the line crossing `start` also crosses `end`), or the range ends on a newline
  if (last === -1 || last === NL || range.end >= size) return;
  yield* lineTail(open, range.end, size);
}

/** Regroups chunks into fresh, exactly sized buffers of at least `bytes` (safe to transfer). */
export async function* rechunk(
  source: AsyncIterable<Uint8Array>,
  bytes = 1 << 20,
): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let length = 0;
  const flush = () => {
    const out = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    parts = [];
    length = 0;
    return out;
  };
  for await (const chunk of source) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= bytes) yield flush();
  }
  if (length > 0) yield flush();
}
