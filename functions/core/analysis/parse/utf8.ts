import { isUtf8 } from 'node:buffer';

/** What a row with bytes that are not UTF-8 is reported as (a malformed row, like bad JSON). */
export const invalidUtf8Message =
  'invalid UTF-8: the row has bytes that are not UTF-8 text; save the file as UTF-8';

/**
 * False when `text` holds a lone surrogate: the decoder turns each byte that is not UTF-8 into
 * one (U+DC80–U+DCFF, as Python's surrogateescape), and valid UTF-8 never decodes to one.
 */
export function wellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Bytes a sequence starting with `lead` has (1 for a byte that cannot start one). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/** Allowed range of the byte after `lead` (the first continuation byte is narrower for some). */
function secondRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** Length of the valid sequence at `at`, or 0 when the byte there does not start one. */
function validAt(b: Uint8Array, at: number): number {
  const lead = b[at] as number;
  if (lead < 0x80) return 1;
  const n = sequenceLength(lead);
  if (n === 1 || at + n > b.length) return 0;
  const [lo, hi] = secondRange(lead);
  const second = b[at + 1] as number;
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < n; k++) {
    const c = b[at + k] as number;
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return n;
}

/** Decodes bytes known to be valid UTF-8 (a leading U+FEFF is kept: only the file's first is a BOM). */
const utf8 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8');

/** Decodes `b`, turning each byte that is not part of a valid sequence into U+DC00 + byte. */
function escapeInvalid(b: Uint8Array): string {
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < b.length) {
    const n = validAt(b, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += utf8(b.subarray(runStart, i)) + String.fromCharCode(0xdc00 + (b[i] as number));
    i++;
    runStart = i;
  }
  return out + utf8(b.subarray(runStart));
}

/** Where the trailing, possibly incomplete, sequence of `b` starts (b.length when none). */
function incompleteTail(b: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const c = b[b.length - back] as number;
    if (c < 0x80) return b.length;
    if (c >= 0xc0) return sequenceLength(c) > back ? b.length - back : b.length;
  }
  return b.length;
}

/**
 * A streaming UTF-8 decoder that never replaces silently: bytes that are not UTF-8 come out as lone
 * surrogates (see `wellFormed`) so the parsers can count their row as malformed. A sequence split
 * between chunks is held back until its end arrives, so no chunk or shard boundary makes one up.
 */
export function createUtf8Decoder() {
  let carry: Uint8Array = new Uint8Array(0);
  return {
    /** The text of `chunk`, less a trailing incomplete sequence (kept for the next chunk). */
    decode(chunk: Uint8Array): string {
      let head = '';
      let b = chunk;
      if (carry.length > 0) {
        // finish the held-back sequence with the bytes it needs, without copying the whole chunk
        const need = Math.min(sequenceLength(carry[0] as number) - carry.length, chunk.length);
        const joined = new Uint8Array(carry.length + need);
        joined.set(carry);
        joined.set(chunk.subarray(0, need), carry.length);
        b = chunk.subarray(need);
        carry = new Uint8Array(0);
        if (incompleteTail(joined) === 0 && b.length === 0) {
          carry = joined;
          return '';
        }
        head = escapeInvalid(joined);
      }
      const cut = incompleteTail(b);
      carry = b.slice(cut);
      const body = b.subarray(0, cut);
      return head + (isUtf8(body) ? utf8(body) : escapeInvalid(body));
    },
    /** What is left at the end of the input: an unfinished sequence is invalid. */
    end(): string {
      const rest = carry;
      carry = new Uint8Array(0);
      return escapeInvalid(rest);
    },
  };
}

/**
 * Appends to `out` the line numbers of `chunk` holding bytes that were not UTF-8 (`firstLine` is
 * the chunk's first line, counting LF); returns the line the next chunk starts on.
 */
export function invalidLines(chunk: string, firstLine: number, out: number[]): number {
  let line = firstLine;
  if (wellFormed(chunk)) {
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', nl + 1)) line++;
    return line;
  }
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (c === 10) line++;
    else if (c >= 0xdc80 && c <= 0xdcff && out.at(-1) !== line) {
      const before = i > 0 ? chunk.charCodeAt(i - 1) : 0;
      if (before < 0xd800 || before > 0xdbff) out.push(line);
    }
  }
  return line;
}
