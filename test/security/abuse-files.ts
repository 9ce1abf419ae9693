import { createGzip } from 'node:zlib';

/** Gzips `repeat` copies of `chunk` after `head` (streamed: the expanded text is never held). */
export async function gzipRepeated(head: string, chunk: string, repeat: number): Promise<Buffer> {
  const gz = createGzip({ level: 1 });
  const parts: Buffer[] = [];
  gz.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve, reject) => gz.on('end', resolve).on('error', reject));
  const block = Buffer.from(chunk);
  gz.write(head);
  for (let i = 0; i < repeat; i++) {
    if (!gz.write(block)) await new Promise((resolve) => gz.once('drain', resolve));
  }
  gz.end();
  await done;
  return Buffer.concat(parts);
}

/** A gzip that expands `mib` MiB of ordinary JSON Lines records (a "gzip bomb" of valid data). */
export function gzipBomb(mib: number): Promise<Buffer> {
  const line = `${JSON.stringify({ text: 'the harbor market opens at dawn '.repeat(30) })}\n`;
  const perMib = Math.ceil((1024 * 1024) / line.length);
  return gzipRepeated('', line.repeat(perMib), mib);
}

/** One line that never ends: `mib` MiB of letters after `{"text":"`. */
export function endlessLine(mib: number): Buffer {
  return Buffer.from(`{"text":"${'a'.repeat(mib * 1024 * 1024)}`);
}

/** A CSV header of `n` columns and one row. */
export function wideCsv(n: number): string {
  const header = Array.from({ length: n }, (_, i) => `c${i}`).join(',');
  return `${header}\n${'1,'.repeat(n - 1)}1\n`;
}

/** JSON Lines with one record nested `depth` levels deep after a few ordinary ones. */
export function deepJsonl(depth: number): string {
  const ordinary = Array.from({ length: 5 }, (_, i) => JSON.stringify({ text: `record ${i}` }));
  return `${ordinary.join('\n')}\n${'{"text":"x","a":'.repeat(depth)}1${'}'.repeat(depth)}\n`;
}
