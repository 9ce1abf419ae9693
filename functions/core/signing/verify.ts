import { createPublicKey, verify } from 'node:crypto';
import { P256_BYTES } from './der';
import { ALG, type KeySet, type PublishedKey } from './types';

/** Why a key cannot vouch for a signature made at a given time; undefined when it can. */
export function keyProblem(key: PublishedKey, at: string): string | undefined {
  const when = Date.parse(at);
  if (Number.isNaN(when)) return `issuedAt "${at}" is not a date`;
  if (key.notBefore && when < Date.parse(key.notBefore))
    return `key ${key.kid} was not yet in use at ${at} (it signs from ${key.notBefore})`;
  if (key.notAfter && when >= Date.parse(key.notAfter))
    return `key ${key.kid} was retired at ${key.notAfter}, before the bundle's issuedAt ${at}`;
  return undefined;
}

/** The key of `kid` in the set, if any. */
export function findKey(keys: KeySet, kid: string): PublishedKey | undefined {
  return keys.keys.find((k) => k.kid === kid);
}

/** True when `raw` (r‖s) is a valid ES256 signature by `key` over `message`. */
export function verifyEs256(key: PublishedKey, message: Uint8Array, raw: Uint8Array): boolean {
  if (key.alg !== ALG || key.kty !== 'EC' || key.crv !== 'P-256') return false;
  if (raw.length !== 2 * P256_BYTES) return false;
  const publicKey = createPublicKey({
    key: { kty: key.kty, crv: key.crv, x: key.x, y: key.y },
    format: 'jwk',
  });
  return verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw);
}

/** Checks a parsed JWKS has the shape bundles need; returns a problem in words, or undefined. */
export function keySetProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as KeySet).keys))
    return 'the key file is not a JWKS (no "keys" array)';
  for (const [i, k] of (value as KeySet).keys.entries()) {
    if (typeof k?.kid !== 'string' || typeof k.x !== 'string' || typeof k.y !== 'string')
      return `key ${i} of the JWKS has no kid, x or y`;
  }
  return undefined;
}
