import type { KeySet } from '../signing/types';
import { checkSignature } from './bundle-verify';
import { PASSPORT_FORMAT, type PassportContent, type PassportVerdict } from './passport';

/** Checks a signed passport against the JWKS: shape, key and signature. */
export function verifyPassport(value: unknown, keys: KeySet): PassportVerdict {
  const v = value as Partial<PassportContent> & { signature?: { kid?: unknown; value?: unknown } };
  if (typeof v !== 'object' || v === null || v.format !== PASSPORT_FORMAT)
    return { ok: false, problem: `this is not a Diligence passport (format "${PASSPORT_FORMAT}")` };
  const sig = v.signature;
  if (
    typeof sig?.kid !== 'string' ||
    typeof sig.value !== 'string' ||
    typeof v.issuedAt !== 'string'
  )
    return { ok: false, problem: 'signature: missing, or not { alg: "ES256", kid, value }' };
  const signed = checkSignature(
    v as PassportContent & { signature: { kid: string; value: string } },
    keys,
  );
  if (!signed.ok) return signed;
  const { signature: _s, ...content } = v as PassportContent & { signature: unknown };
  return { ok: true, kid: signed.kid, content };
}
