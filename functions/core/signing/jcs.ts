import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The RFC 8785 (JCS) canonical JSON of `value` as UTF-8 bytes: keys sorted by UTF-16 code units,
 * numbers in their shortest ECMAScript form, no whitespace. Throws for what JSON cannot hold.
 */
export function jcsBytes(value: unknown): Uint8Array {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('the value has no JSON form to canonicalize');
  return new TextEncoder().encode(text);
}

/** SHA-256 of the bytes (what a KMS key signs with MessageType DIGEST). */
export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}
