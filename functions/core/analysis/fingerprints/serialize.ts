import { PARAMS } from '../params';
import { PARAMS_KEY } from '../partial/create';
import {
  type FingerprintPack,
  PACK_FORMAT,
  PACK_KINDS,
  PACK_VERSION,
  PackFormatError,
  SIG_BYTES,
} from './types';

const MAGIC = 0x50464c44; // 'DLFP' read as a little-endian u32
const PREFIX = 12; // magic, layout version, header length (u32 LE each)
const B = PARAMS.bands;
const REBUILD = 'rebuild it with `diligence fingerprint build` from its corpus';

type Header = Omit<FingerprintPack, 'exact' | 'bands' | 'sigs' | 'grams'> & {
  exactCount: number;
  gramCount: number;
};

const bytesOf = (a: Uint32Array | Int32Array | Uint8Array) =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Encodes a pack: a 12-byte prefix, a JSON header (name, kind, counts, parameters; no text of the
 * corpus), then the raw little-endian tables (exact pairs, bands, signature bits, gram pairs).
 */
export function serializePack(p: FingerprintPack): Uint8Array {
  const { exact, bands, sigs, grams, ...rest } = p;
  const header: Header = { ...rest, exactCount: exact.length / 2, gramCount: grams.length / 2 };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const parts = [json, bytesOf(exact), bytesOf(bands), sigs, bytesOf(grams)];
  const out = new Uint8Array(PREFIX + parts.reduce((s, x) => s + x.length, 0));
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, PACK_VERSION, true);
  dv.setUint32(8, json.length, true);
  let at = PREFIX;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function readHeader(bytes: Uint8Array): { header: Header; at: number } {
  if (bytes.length < PREFIX) throw new PackFormatError('not a fingerprint pack: too short');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC)
    throw new PackFormatError(
      'not a fingerprint pack (build one with `diligence fingerprint build`)',
    );
  const layout = dv.getUint32(4, true);
  if (layout !== PACK_VERSION)
    throw new PackFormatError(
      `fingerprint pack format version ${layout}, this analyzer reads version ${PACK_VERSION}: ${REBUILD}`,
    );
  const length = dv.getUint32(8, true);
  if (PREFIX + length > bytes.length)
    throw new PackFormatError('the fingerprint pack is truncated');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + length)));
  } catch {
    throw new PackFormatError('the fingerprint pack header is not valid JSON');
  }
  return { header, at: PREFIX + length };
}

function check(h: Header): void {
  if (h.format !== PACK_FORMAT) throw new PackFormatError('not a fingerprint pack');
  if (h.params !== PARAMS_KEY) {
    let other = 'unknown';
    try {
      other = String(JSON.parse(h.params).version);
    } catch {}
    throw new PackFormatError(
      `fingerprint pack "${h.name}" was built with other analyzer parameters (version ${other}; this analyzer uses version ${PARAMS.version}): ${REBUILD}`,
    );
  }
  if (!PACK_KINDS.includes(h.kind))
    throw new PackFormatError(`fingerprint pack "${h.name}" has an unknown kind "${h.kind}"`);
}

/** Reads a pack written by `serializePack`; throws PackFormatError (other format, version or parameters: rebuild). */
export function parsePack(bytes: Uint8Array): FingerprintPack {
  const { header, at: start } = readHeader(bytes);
  check(header);
  let at = start;
  const take = (n: number) => {
    if (at + n > bytes.length) throw new PackFormatError('the fingerprint pack is truncated');
    const copy = bytes.slice(at, at + n);
    at += n;
    return copy;
  };
  const exactBytes = take(header.exactCount * 8);
  const bandBytes = take(header.nearRecords * B * 4);
  const sigs = take(header.nearRecords * SIG_BYTES);
  const gramBytes = take(header.gramCount * 8);
  if (at !== bytes.length)
    throw new PackFormatError('the fingerprint pack has bytes after its last table');
  const { exactCount: _e, gramCount: _g, ...rest } = header;
  return {
    ...rest,
    exact: new Uint32Array(exactBytes.buffer),
    bands: new Int32Array(bandBytes.buffer),
    sigs,
    grams: new Uint32Array(gramBytes.buffer),
  };
}
