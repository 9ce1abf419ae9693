/**
 * ECDSA signature encodings: DER (`SEQUENCE { INTEGER r, INTEGER s }`, what KMS and OpenSSL return)
 * and raw `r‖s` (IEEE P1363, what JWS ES256 carries), each integer left-padded to the curve size.
 */

/** Bytes of one coordinate of P-256. */
export const P256_BYTES = 32;

/** Thrown for bytes that are not a well-formed DER ECDSA signature or raw `r‖s` of the size. */
export class SignatureEncodingError extends Error {
  override name = 'SignatureEncodingError';
}

function readLength(der: Uint8Array, at: number): { length: number; next: number } {
  const first = der[at];
  if (first === undefined) throw new SignatureEncodingError('DER signature ends inside a length');
  if (first < 0x80) return { length: first, next: at + 1 };
  if (first !== 0x81) throw new SignatureEncodingError('DER length longer than one byte');
  const length = der[at + 1];
  if (length === undefined || length < 0x80)
    throw new SignatureEncodingError('DER length not in its shortest form');
  return { length, next: at + 2 };
}

function readInteger(der: Uint8Array, at: number, size: number) {
  if (der[at] !== 0x02) throw new SignatureEncodingError('DER signature: INTEGER expected');
  const { length, next } = readLength(der, at + 1);
  const bytes = der.subarray(next, next + length);
  if (length === 0 || bytes.length !== length)
    throw new SignatureEncodingError('DER signature: INTEGER cut short');
  if ((bytes[0] as number) & 0x80) throw new SignatureEncodingError('DER signature: negative');
  // One leading zero is allowed only to keep a high bit from reading as a sign.
  if (length > 1 && bytes[0] === 0 && !((bytes[1] as number) & 0x80))
    throw new SignatureEncodingError('DER signature: INTEGER not in its shortest form');
  const value = bytes[0] === 0 ? bytes.subarray(1) : bytes;
  if (value.length > size)
    throw new SignatureEncodingError(`DER signature: INTEGER longer than ${size} bytes`);
  const padded = new Uint8Array(size);
  padded.set(value, size - value.length);
  return { value: padded, next: next + length };
}

/** DER ECDSA signature → raw `r‖s` (2 × `size` bytes). Strict: rejects any other encoding. */
export function derToRaw(der: Uint8Array, size = P256_BYTES): Uint8Array {
  if (der[0] !== 0x30) throw new SignatureEncodingError('DER signature: SEQUENCE expected');
  const { length, next } = readLength(der, 1);
  if (next + length !== der.length)
    throw new SignatureEncodingError('DER signature: length does not match the bytes');
  const r = readInteger(der, next, size);
  const s = readInteger(der, r.next, size);
  if (s.next !== der.length) throw new SignatureEncodingError('DER signature: trailing bytes');
  const raw = new Uint8Array(2 * size);
  raw.set(r.value, 0);
  raw.set(s.value, size);
  return raw;
}

function integer(value: Uint8Array): Uint8Array {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  const trimmed = value.subarray(start);
  const pad = (trimmed[0] as number) & 0x80 ? 1 : 0;
  const out = new Uint8Array(2 + pad + trimmed.length);
  out[0] = 0x02;
  out[1] = pad + trimmed.length;
  out.set(trimmed, 2 + pad);
  return out;
}

/** Raw `r‖s` (2 × `size` bytes) → DER, with minimal INTEGERs (leading zeros trimmed or added). */
export function rawToDer(raw: Uint8Array, size = P256_BYTES): Uint8Array {
  if (raw.length !== 2 * size)
    throw new SignatureEncodingError(`raw signature must be ${2 * size} bytes, got ${raw.length}`);
  const r = integer(raw.subarray(0, size));
  const s = integer(raw.subarray(size));
  const body = r.length + s.length;
  const head = body < 0x80 ? [0x30, body] : [0x30, 0x81, body];
  const out = new Uint8Array(head.length + body);
  out.set(head, 0);
  out.set(r, head.length);
  out.set(s, head.length + r.length);
  return out;
}
