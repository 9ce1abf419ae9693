import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../../web/src/components/chart-labels';

describe('wrapLabel', () => {
  it('keeps a short label as one string', () => {
    expect(wrapLabel('Provenance', 16)).toBe('Provenance');
  });

  it('wraps at spaces into lines no longer than the limit', () => {
    const lines = wrapLabel('Licensing and consent of the data subjects', 16);
    expect(lines).toEqual(['Licensing and', 'consent of the', 'data subjects']);
  });

  it('cuts an unbroken name into pieces that fit, losing no character', () => {
    const name = `Dataset_${'x'.repeat(50)}`;
    const lines = wrapLabel(name, 16) as string[];
    expect(lines.every((l) => l.length <= 16)).toBe(true);
    expect(lines.join('')).toBe(name);
  });

  it('never uses lines narrower than four characters', () => {
    expect(wrapLabel('abcdefgh', 1)).toEqual(['abcd', 'efgh']);
  });
});
