import { PassThrough, Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AnalysisInputError } from '../errors';
import type { ArchiveStats } from './archive';
import { checkBytes, countEntry } from './archive';
import { UndecodableImageError } from './decode';
import type { ImageLimits } from './limits';

/** Reads bytes [start, endInclusive] of a stored object (an S3 GetObject Range request). */
export type RangeRead = (start: number, endInclusive: number) => Promise<AsyncIterable<Uint8Array>>;

/** Bytes fetched at least per range request, so the central directory costs few requests. */
const WINDOW = 1024 * 1024;

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of source) chunks.push(Buffer.from(c.buffer, c.byteOffset, c.length));
  return Buffer.concat(chunks);
}

/** Windows kept: the central directory's and the entries' regions are read in turns. */
const WINDOWS = 3;

/**
 * yauzl's random access over range reads, with a few cached windows: yauzl reads the central
 * directory in many small sequential pieces, which this serves from 1 MiB fetches, and a shard
 * reading entries between directory records keeps both regions' windows instead of refetching.
 */
export class RangeReader extends yauzl.RandomAccessReader {
  private cache: { start: number; bytes: Buffer }[] = [];
  /** Range requests made (for tests and logs). */
  requests = 0;

  constructor(
    private readonly fetchRange: RangeRead,
    private readonly size: number,
  ) {
    super();
  }

  /** The archive's own offsets are input: a range outside the object is a broken zip. */
  private check(start: number, end: number): void {
    if (start < 0 || start > end || end > this.size)
      throw new AnalysisInputError(
        `the zip archive cannot be read: it points at bytes ${start}–${end} of a ${this.size}-byte file`,
      );
  }

  private async bytes(start: number, end: number): Promise<Buffer> {
    this.check(start, end);
    const hit = this.cache.find((c) => start >= c.start && end <= c.start + c.bytes.length);
    if (hit) return hit.bytes.subarray(start - hit.start, end - hit.start);
    const until = Math.min(this.size, Math.max(end, start + WINDOW));
    this.requests++;
    const bytes = await collect(await this.fetchRange(start, until - 1));
    if (bytes.length !== until - start)
      throw new AnalysisInputError('the stored zip file changed while it was read');
    this.cache.push({ start, bytes });
    if (this.cache.length > WINDOWS) this.cache.shift();
    return bytes.subarray(0, end - start);
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const out = new PassThrough();
    try {
      this.check(start, end);
    } catch (e) {
      process.nextTick(() => out.destroy(e as Error));
      return out;
    }
    if (end - start > WINDOW) {
      // an entry's data larger than the window streams through, never held whole in memory
      this.requests++;
      this.fetchRange(start, end - 1).then(
        (s) =>
          Readable.from(s)
            .on('error', (e) => out.destroy(e))
            .pipe(out),
        (e) => out.destroy(e as Error),
      );
      return out;
    }
    this.bytes(start, end).then(
      (b) => out.end(b),
      (e) => out.destroy(e as Error),
    );
    return out;
  }
}

const nextEntry = (zip: ZipFile) =>
  new Promise<Entry | null>((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const onEntry = (e: Entry) => {
      cleanup();
      resolve(e);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });

/** Opens a stored zip through range requests: the end record and central directory only. */
export async function openZipByRange(reader: RangeReader, size: number): Promise<ZipFile> {
  try {
    return await yauzl.fromRandomAccessReaderPromise(reader, size, {
      lazyEntries: true,
      validateEntrySizes: true,
      decodeStrings: true,
      autoClose: false,
    });
  } catch (e) {
    if (e instanceof AnalysisInputError) throw e;
    throw new AnalysisInputError(`the zip archive cannot be read: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

/**
 * Reads one file of a stored zip by name through range requests: the central directory, then
 * only that entry's bytes, with the entry, per-file and total caps of `limits`. Null when the zip
 * holds no file of that name.
 */
export async function readZipEntryByRange(
  read: RangeRead,
  size: number,
  name: string,
  limits: ImageLimits,
): Promise<{ bytes: Buffer | null; requests: number }> {
  const reader = new RangeReader(read, size);
  const zip = await openZipByRange(reader, size);
  const stats: ArchiveStats = { bytes: 0, entries: 0, uncompressed: 0 };
  try {
    if (zip.entryCount > limits.maxEntries)
      countEntry({ ...stats, entries: limits.maxEntries }, limits);
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      countEntry(stats, limits);
      if (entry.fileName !== name) continue;
      checkBytes(name, entry.uncompressedSize, stats, limits);
      if (entry.isEncrypted()) throw new UndecodableImageError(`${name} is encrypted`);
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      let n = 0;
      for await (const chunk of stream) {
        n += (chunk as Buffer).length;
        checkBytes(name, n, { ...stats, uncompressed: n }, limits);
        chunks.push(chunk as Buffer);
      }
      return { bytes: Buffer.concat(chunks, n), requests: reader.requests };
    }
    return { bytes: null, requests: reader.requests };
  } catch (e) {
    if (e instanceof AnalysisInputError || e instanceof UndecodableImageError) throw e;
    throw new AnalysisInputError(`the zip archive cannot be read: ${(e as Error).message}`, {
      cause: e,
    });
  } finally {
    zip.close();
  }
}
