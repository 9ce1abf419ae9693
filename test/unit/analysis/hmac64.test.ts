import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hmac64 } from '../../../functions/core/analysis/hash/hmac64';
import { spotPriority } from '../../../functions/core/analysis/spot-check/pool';

const reference = (key: string, lo: number, hi: number) => {
  const input = Buffer.alloc(8);
  input.writeInt32LE(lo, 0);
  input.writeInt32LE(hi, 4);
  const d = createHmac('sha256', key).update(input).digest();
  return [d.readUInt32BE(0), d.readUInt32BE(4)];
};

describe('HMAC-SHA256 of 8-byte messages in JavaScript', () => {
  it('equals node:crypto for any key (short, 64 bytes, longer, non-ASCII) and message', () => {
    const keys = fc.oneof(
      fc.string({ minLength: 1, maxLength: 100 }),
      fc.string({ unit: 'binary', minLength: 60, maxLength: 70 }),
    );
    fc.assert(
      fc.property(
        keys,
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (key, lo, hi) => {
          expect([...new Hmac64(key).digest(lo, hi)]).toEqual(reference(key, lo, hi));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the spot-check priority the HMAC gave, switching keys between calls', () => {
    for (const [key, lo, hi] of [
      ['a', 1, 2],
      ['secret-draw-key', -1, 2 ** 31 - 1],
      ['a', 1, 2],
    ] as const) {
      const [x, y] = reference(key, lo, hi) as [number, number];
      expect(spotPriority(key, lo, hi)).toBe(x * 2 ** 20 + (y >>> 12));
    }
  });
});
