import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToRaw, rawToDer, SignatureEncodingError } from '../../../functions/core/signing/der';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const message = Buffer.from('a report bundle, canonical JSON');

describe('DER ↔ raw r‖s', () => {
  it("converts both ways exactly as node:crypto's dsaEncoding does, on many signatures", () => {
    const seen = { rZero: 0, sZero: 0, rHigh: 0, sHigh: 0 };
    // Leading zero bytes come once in 256 signatures per integer: sign until each case shows.
    for (let i = 0; i < 20_000 && Math.min(...Object.values(seen)) < 3; i++) {
      const der = sign('sha256', message, { key: privateKey, dsaEncoding: 'der' });
      const raw = derToRaw(der);
      expect(raw).toHaveLength(64);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(
        true,
      );
      // DER is canonical: converting back gives the very bytes OpenSSL wrote.
      expect(Buffer.from(rawToDer(raw)).equals(der)).toBe(true);

      const p1363 = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const asDer = rawToDer(p1363);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, asDer)).toBe(true);
      expect(Buffer.from(derToRaw(asDer)).equals(p1363)).toBe(true);

      for (const r of [raw, p1363]) {
        if (r[0] === 0) seen.rZero++;
        if (r[32] === 0) seen.sZero++;
        if ((r[0] as number) & 0x80) seen.rHigh++;
        if ((r[32] as number) & 0x80) seen.sHigh++;
      }
    }
    expect(Math.min(...Object.values(seen))).toBeGreaterThanOrEqual(3);
  });

  it('pads short integers and adds the sign byte to high ones', () => {
    const raw = new Uint8Array(64);
    raw[31] = 1; // r = 1
    raw[32] = 0x80; // s has its high bit set
    const der = rawToDer(raw);
    expect(Buffer.from(der.subarray(0, 5)).toString('hex')).toBe('3026020101');
    expect(der[5]).toBe(0x02);
    expect(der[6]).toBe(33);
    expect(der[7]).toBe(0);
    expect(Buffer.from(derToRaw(der)).equals(Buffer.from(raw))).toBe(true);
  });

  it('refuses what is not a strict DER signature of P-256', () => {
    const der = sign('sha256', message, { key: privateKey, dsaEncoding: 'der' });
    const bad = [
      Buffer.concat([der, Buffer.from([0])]), // trailing byte
      der.subarray(0, der.length - 1), // cut short
      Buffer.from([0x31, ...der.subarray(1)]), // not a SEQUENCE
      Buffer.from('3006020200010201 01'.replace(/ /g, ''), 'hex'), // r with a needless zero
      Buffer.from('30060201800201 01'.replace(/ /g, ''), 'hex'), // negative r
      Buffer.from(`3027022100${'ff'.repeat(33).slice(0, 64)}020101`, 'hex'), // wrong lengths
      Buffer.alloc(70, 0x30),
    ];
    for (const b of bad) expect(() => derToRaw(b)).toThrow(SignatureEncodingError);
    expect(() => rawToDer(new Uint8Array(63))).toThrow(SignatureEncodingError);
  });
});
