import { inflateSync } from 'node:zlib';

/** A PNG text chunk: its keyword and its (decompressed) text. */
export interface PngText {
  keyword: string;
  text: string;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Longest text kept from one chunk (generator parameters are a few KiB; workflows some 100 KiB). */
const MAX_TEXT = 1024 * 1024;

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

function inflate(data: Buffer): string | null {
  try {
    return inflateSync(data, { maxOutputLength: MAX_TEXT }).toString('utf8');
  } catch {
    return null;
  }
}

function parseChunk(type: string, data: Buffer): PngText | null {
  const nul = data.indexOf(0);
  if (nul <= 0) return null;
  const keyword = data.subarray(0, nul).toString('latin1');
  if (type === 'tEXt')
    return { keyword, text: data.subarray(nul + 1, nul + 1 + MAX_TEXT).toString('latin1') };
  if (type === 'zTXt') {
    const text = inflate(data.subarray(nul + 2));
    return text === null ? null : { keyword, text };
  }
  // iTXt: keyword, compression flag, method, language tag, translated keyword, text (UTF-8)
  const compressed = data[nul + 1] === 1;
  const lang = data.indexOf(0, nul + 3);
  const translated = lang < 0 ? -1 : data.indexOf(0, lang + 1);
  if (translated < 0) return null;
  const body = data.subarray(translated + 1);
  const text = compressed ? inflate(body) : body.subarray(0, MAX_TEXT).toString('utf8');
  return text === null ? null : { keyword, text };
}

/**
 * The text chunks (tEXt, zTXt, iTXt) of a PNG, in file order, and whether it carries a C2PA
 * manifest chunk (`caBX`). Stops at IEND or at the first chunk that runs past the end.
 */
export function readPngText(bytes: Buffer): { texts: PngText[]; c2paChunk: boolean } {
  const texts: PngText[] = [];
  let c2paChunk = false;
  if (!isPng(bytes)) return { texts, c2paChunk };
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (end > bytes.length) break;
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const t = parseChunk(type, bytes.subarray(at + 8, at + 8 + length));
      if (t) texts.push(t);
    } else if (type === 'caBX') c2paChunk = true;
    else if (type === 'IEND') break;
    at = end;
  }
  return { texts, c2paChunk };
}
