import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AnalysisInputError } from '../errors';
import type { ArchiveEntry, ArchiveStats } from './archive';
import { checkBytes, countEntry } from './archive';
import { formatBytes, ImageLimitError, type ImageLimits } from './limits';

async function collect(
  source: AsyncIterable<Uint8Array>,
  limits: ImageLimits,
  stats: ArchiveStats,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) {
    stats.bytes += chunk.length;
    if (stats.bytes > limits.maxZipBytes)
      throw new ImageLimitError(
        'maxZipBytes',
        `the zip file is larger than ${formatBytes(limits.maxZipBytes)}`,
      );
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }
  return Buffer.concat(chunks, stats.bytes);
}

const open = (buffer: Buffer) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true },
      (err, zip) => (err || !zip ? reject(err) : resolve(zip)),
    ),
  );

/** The next entry of a zip opened with `lazyEntries` (null at the end). */
export const nextEntry = (zip: ZipFile) =>
  new Promise<Entry | null>((resolve, reject) => {
    const onEntry = (e: Entry) => {
      zip.off('end', onEnd).off('error', onError);
      resolve(e);
    };
    const onEnd = () => {
      zip.off('entry', onEntry).off('error', onError);
      resolve(null);
    };
    const onError = (e: Error) => {
      zip.off('entry', onEntry).off('end', onEnd);
      reject(e);
    };
    zip.once('entry', onEntry).once('end', onEnd).once('error', onError);
    zip.readEntry();
  });

async function readEntry(
  zip: ZipFile,
  entry: Entry,
  limits: ImageLimits,
  stats: ArchiveStats,
): Promise<Buffer> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of stream) {
      n += (chunk as Buffer).length;
      stats.uncompressed += (chunk as Buffer).length;
      checkBytes(entry.fileName, n, stats, limits);
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (/too many bytes|too few bytes/.test((e as Error).message))
      throw new AnalysisInputError(
        `${entry.fileName} holds more bytes than its zip header declares: a broken or hostile archive. Re-create the zip with a standard tool.`,
        { cause: e },
      );
    throw e;
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  return Buffer.concat(chunks, n);
}

/** Entries [first, end) of a zip in central-directory order: one shard of a split analysis. */
export interface EntrySpan {
  first: number;
  end: number;
}

/**
 * The entries of an open zip in central-directory order, each checked against the caps as it comes:
 * the one pass reads them all, a shard of a split analysis only those of `span` (the entries before
 * it are passed over uncounted; `stats` then starts where the one pass stood at `span.first`).
 */
export async function* zipEntries(
  zip: ZipFile,
  wanted: (name: string) => boolean,
  limits: ImageLimits,
  stats: ArchiveStats,
  span: EntrySpan = { first: 0, end: Number.POSITIVE_INFINITY },
): AsyncGenerator<ArchiveEntry> {
  try {
    let index = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip), index++) {
      if (index < span.first) continue;
      if (index >= span.end) break;
      countEntry(stats, limits);
      const name = entry.fileName;
      if (name.endsWith('/') || !wanted(name)) continue;
      checkBytes(
        name,
        entry.uncompressedSize,
        { ...stats, uncompressed: stats.uncompressed + entry.uncompressedSize },
        limits,
      );
      if (entry.isEncrypted()) {
        yield { name, bytes: null, error: 'encrypted' };
        continue;
      }
      yield { name, bytes: await readEntry(zip, entry, limits, stats) };
    }
  } catch (e) {
    if (e instanceof AnalysisInputError) throw e;
    throw new AnalysisInputError(`the zip archive cannot be read: ${(e as Error).message}`, {
      cause: e,
    });
  } finally {
    zip.close();
  }
}

/** Refuses a zip whose central directory lists more entries than the cap, before reading any. */
export function checkEntryCount(zip: ZipFile, limits: ImageLimits, stats: ArchiveStats): void {
  if (zip.entryCount > limits.maxEntries)
    countEntry({ ...stats, entries: limits.maxEntries }, limits);
}

/**
 * Reads a zip from its central directory, entry by entry. Declared sizes fail fast when over a cap;
 * the bytes actually inflated are counted too, so a header that lies about its size stops as well.
 */
export async function* readZip(
  source: AsyncIterable<Uint8Array>,
  wanted: (name: string) => boolean,
  limits: ImageLimits,
  stats: ArchiveStats,
): AsyncGenerator<ArchiveEntry> {
  const buffer = await collect(source, limits, stats);
  let zip: ZipFile;
  try {
    zip = await open(buffer);
  } catch (e) {
    throw new AnalysisInputError(`the zip archive cannot be read: ${(e as Error).message}`, {
      cause: e,
    });
  }
  try {
    checkEntryCount(zip, limits, stats);
  } catch (e) {
    zip.close();
    throw e;
  }
  yield* zipEntries(zip, wanted, limits, stats);
}
