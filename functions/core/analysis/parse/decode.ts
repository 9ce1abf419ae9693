import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AnalysisInputError } from '../errors';
import { checkDecompressed, defaultInputLimits, type InputLimits } from './limits';
import { createUtf8Decoder } from './utf8';

/** Byte counters shared with the caller for progress reports. */
export interface ByteStats {
  /** Bytes read from the source (compressed size for gzip input). */
  bytes: number;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function* gunzip(
  input: AsyncIterable<Uint8Array>,
  limits: InputLimits = defaultInputLimits,
): AsyncGenerator<Uint8Array> {
  const z = createGunzip();
  let out = 0;
  const feeder = Readable.from(input, { objectMode: false });
  feeder.on('error', (e) => z.destroy(e));
  feeder.pipe(z);
  try {
    for await (const chunk of z) {
      out += (chunk as Uint8Array).length;
      checkDecompressed(out, limits);
      yield chunk as Uint8Array;
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new AnalysisInputError(`not a valid gzip file: ${(e as Error).message}`, { cause: e });
    }
    throw e;
  }
}

function checkStart(bytes: Uint8Array): void {
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw new AnalysisInputError('the file is UTF-16 encoded; save it as UTF-8', { line: 1 });
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new AnalysisInputError(
      'the file looks binary (it contains NUL bytes), not CSV, JSON or text',
      { line: 1 },
    );
  }
}

/**
 * Turns raw bytes into UTF-8 text chunks: gunzips when the data starts with the gzip magic bytes,
 * drops a UTF-8 byte-order mark, and rejects UTF-16 and binary input with an actionable message.
 * Bytes that are not UTF-8 become lone surrogates, never a silent U+FFFD (see `wellFormed`).
 */
export async function* decodeText(
  source: AsyncIterable<Uint8Array>,
  stats: ByteStats,
  limits: InputLimits = defaultInputLimits,
): AsyncGenerator<string> {
  const it = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < 4) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    headLength += r.value.length;
    stats.bytes += r.value.length;
  }
  const first = concat(head);
  async function* raw(): AsyncGenerator<Uint8Array> {
    if (first.length > 0) yield first;
    while (!done) {
      const r = await it.next();
      if (r.done) return;
      stats.bytes += r.value.length;
      yield r.value;
    }
  }
  const bytes = first[0] === 0x1f && first[1] === 0x8b ? gunzip(raw(), limits) : raw();
  const decoder = createUtf8Decoder();
  let checked = false;
  let started = false;
  for await (const chunk of bytes) {
    if (!checked && chunk.length > 0) {
      checkStart(chunk);
      checked = true;
    }
    let text = decoder.decode(chunk);
    if (!started && text) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}
