import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { AnalysisInputError } from '../errors';
import { formatBytes, ImageLimitError, type ImageLimits } from './limits';
import { readZip } from './zip';

/** Archive kinds an image sample may come in. */
export type ArchiveKind = 'zip' | 'tar' | 'tar.gz';

/** One file of an archive: its path inside the archive and, when wanted, its bytes. */
export interface ArchiveEntry {
  name: string;
  /** Null when the entry was not wanted or cannot be read (encrypted); `error` then says why. */
  bytes: Buffer | null;
  error?: string;
}

/** Running totals of an archive read, for progress and the caps. */
export interface ArchiveStats {
  /** Compressed bytes read from the source. */
  bytes: number;
  entries: number;
  uncompressed: number;
}

/**
 * The archive kind of a sample from its name (".zip", ".tar", ".tar.gz", ".tgz") or its first
 * bytes (zip local header, ustar magic at 257, gzip magic plus a `.tar` name); null for text.
 */
export function archiveKind(
  fileName: string | null | undefined,
  head: Uint8Array,
): ArchiveKind | null {
  const name = (fileName ?? '').toLowerCase();
  if (name.endsWith('.zip')) return 'zip';
  if (name.endsWith('.tar')) return 'tar';
  if (name.endsWith('.tar.gz') || name.endsWith('.tgz')) return 'tar.gz';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head.length >= 262 && Buffer.from(head.subarray(257, 262)).toString('latin1') === 'ustar')
    return 'tar';
  return null;
}

/** Counts bytes passing through and stops the stream once they pass `max`. */
function counter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        onBytes(chunk.length);
        done(null, chunk);
      } catch (e) {
        done(e as Error);
      }
    },
  });
}

/** Checks the caps after `n` more uncompressed bytes of entry `name` (entry total `entryBytes`). */
export function checkBytes(
  name: string,
  entryBytes: number,
  stats: ArchiveStats,
  limits: ImageLimits,
): void {
  if (entryBytes > limits.maxEntryBytes)
    throw new ImageLimitError(
      'maxEntryBytes',
      `${name} expands to more than ${formatBytes(limits.maxEntryBytes)}`,
    );
  if (stats.uncompressed > limits.maxTotalBytes)
    throw new ImageLimitError(
      'maxTotalBytes',
      `the archive expands to more than ${formatBytes(limits.maxTotalBytes)}`,
    );
}

/** Counts one more entry against the entry cap. */
export function countEntry(stats: ArchiveStats, limits: ImageLimits): void {
  stats.entries++;
  if (stats.entries > limits.maxEntries)
    throw new ImageLimitError(
      'maxEntries',
      `the archive has more than ${limits.maxEntries.toLocaleString('en-US')} entries`,
    );
}

async function* readTar(
  source: AsyncIterable<Uint8Array>,
  gzip: boolean,
  wanted: (name: string) => boolean,
  limits: ImageLimits,
  stats: ArchiveStats,
): AsyncGenerator<ArchiveEntry> {
  const input = Readable.from(source, { objectMode: false }).pipe(
    counter((n) => {
      stats.bytes += n;
    }),
  );
  let raw: NodeJS.ReadableStream = input;
  if (gzip) {
    let inflated = 0;
    raw = input.pipe(createGunzip()).pipe(
      counter((n) => {
        inflated += n;
        // headers and padding count too: a gzip bomb of zeros stops here, not after inflating it all
        if (inflated > limits.maxTotalBytes + limits.maxEntries * 1024)
          throw new ImageLimitError(
            'maxTotalBytes',
            `the archive expands to more than ${formatBytes(limits.maxTotalBytes)}`,
          );
      }),
    );
  }
  const extract = tar.extract();
  const forward = (e: Error) => extract.destroy(e);
  input.on('error', forward);
  raw.on('error', forward);
  raw.pipe(extract);
  try {
    for await (const entry of extract) {
      const { name, type, size } = entry.header;
      countEntry(stats, limits);
      const isFile = type === 'file' || type === 'contiguous-file' || type == null;
      if (isFile && (size ?? 0) > limits.maxEntryBytes) checkBytes(name, size ?? 0, stats, limits);
      if (!isFile || !wanted(name)) {
        for await (const chunk of entry) stats.uncompressed += (chunk as Buffer).length;
        checkBytes(name, 0, stats, limits);
        continue;
      }
      const chunks: Buffer[] = [];
      let n = 0;
      for await (const chunk of entry) {
        n += (chunk as Buffer).length;
        stats.uncompressed += (chunk as Buffer).length;
        checkBytes(name, n, stats, limits);
        chunks.push(chunk as Buffer);
      }
      yield { name, bytes: Buffer.concat(chunks, n) };
    }
  } catch (e) {
    if (e instanceof AnalysisInputError) throw e;
    throw new AnalysisInputError(
      `the ${gzip ? 'tar.gz' : 'tar'} archive cannot be read: ${(e as Error).message}`,
      { cause: e },
    );
  } finally {
    input.destroy();
  }
}

/**
 * Streams the files of an archive, entry by entry, with the caps of `limits` checked on the bytes
 * actually inflated. `wanted` names the entries whose bytes are needed; the others are skipped.
 */
export function archiveEntries(
  source: AsyncIterable<Uint8Array>,
  kind: ArchiveKind,
  wanted: (name: string) => boolean,
  limits: ImageLimits,
  stats: ArchiveStats,
): AsyncGenerator<ArchiveEntry> {
  if (kind === 'zip') return readZip(source, wanted, limits, stats);
  return readTar(source, kind === 'tar.gz', wanted, limits, stats);
}
