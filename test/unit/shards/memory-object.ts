import type { StoredObject } from '../../../functions/analyze/shards/fold-object';

/** Streams `bytes` in chunks of `chunk` bytes (small chunks exercise every boundary). */
async function* chunks(bytes: Uint8Array, chunk: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
}

/** An in-memory stored object; `ranges` records every ranged read as [start, endInclusive]. */
export function memoryObject(data: string | Uint8Array, chunk = 4096) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const ranges: [number, number][] = [];
  const object: StoredObject = {
    size: bytes.length,
    open: async () => chunks(bytes, chunk),
    openRange: async (start, end) => {
      if (start < 0 || end >= bytes.length || start > end)
        throw new Error(`bad range ${start}-${end}`);
      ranges.push([start, end]);
      return chunks(bytes.subarray(start, end + 1), chunk);
    },
  };
  return { object, bytes, ranges };
}

/** Collects a byte stream. */
export async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of source) parts.push(c);
  return new Uint8Array(Buffer.concat(parts));
}
