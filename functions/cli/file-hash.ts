import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { lineAlignedRanges, newlineFinder, treeHash } from '../core/tree-hash';

const read = (file: string, start: number, end?: number) =>
  createReadStream(file, { start, end, highWaterMark: 1 << 20 });

/** The file's plain SHA-256 (hex). */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of read(file, 0)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The tree hash of the file over line-aligned ranges of `rangeBytes`, and the range count. */
export async function fileTreeHash(
  file: string,
  rangeBytes: number,
): Promise<{ sha256: string; ranges: number }> {
  const { size } = await stat(file);
  const ranges = await lineAlignedRanges(
    size,
    rangeBytes,
    newlineFinder(async (from) => read(file, from)),
  );
  const digests: string[] = [];
  for (const r of ranges) {
    const hash = createHash('sha256');
    for await (const chunk of read(file, r.start, r.end - 1)) hash.update(chunk as Buffer);
    digests.push(hash.digest('hex'));
  }
  return { sha256: treeHash(digests), ranges: digests.length };
}

/** The range size a tree hash method names (`sha256-tree; range-bytes=N`), if it names one. */
export function rangeBytesOf(method: string): number | undefined {
  const m = /range-bytes=(\d+)/.exec(method);
  const n = m ? Number(m[1]) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
