import { gzipSync } from 'node:zlib';
import { type AnalyzeOptions, analyzeSource } from '../../../functions/core/analysis';

/** The fixed clock of these tests. */
export const NOW = new Date('2025-06-01T00:00:00Z');

/** Streams `data` in chunks of `size` bytes, to exercise chunk boundaries. */
export async function* chunked(
  data: string | Uint8Array,
  size = 64 * 1024,
): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** One JSON object per line. */
export const jsonl = (records: unknown[]) =>
  `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** Gzip-compresses text. */
export const gz = (text: string) => new Uint8Array(gzipSync(Buffer.from(text)));

/** Analyzes in-memory content (JSON Lines by default). */
export function analyze(
  data: string | Uint8Array,
  options: AnalyzeOptions = {},
  chunkSize?: number,
) {
  return analyzeSource(chunked(data, chunkSize), {
    fileName: 'sample.jsonl',
    now: NOW,
    ...options,
  });
}

const WORDS = (
  'river stone maple harbor lantern meadow copper violet thunder willow garden silver orchard falcon ' +
  'ember canyon prairie glacier marble cedar saddle beacon quarry tundra pebble lagoon summit ferry ' +
  'basket candle ribbon bottle window ladder pocket hammer needle kettle pillow mirror blanket button ' +
  'engine rocket planet comet signal magnet tunnel bridge castle tower market circle square arrow'
).split(' ');

/** Deterministic pseudo-English text of `n` words from a seed (different seeds share few 5-grams). */
export function words(seed: number, n: number): string {
  let s = seed * 2654435761 + 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    out.push(WORDS[(s >>> 8) % WORDS.length] as string);
  }
  return out.join(' ');
}
