import { describe, expect, it } from 'vitest';
import {
  horizontalChartHeight,
  labelLineLength,
  wrapLabel,
} from '../../../web/src/components/chart-labels';

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

describe('horizontalChartHeight', () => {
  it('keeps the old 26 px band for one-line labels, and 260 px at least', () => {
    expect(horizontalChartHeight(['a', 'b'])).toBe(260);
    expect(horizontalChartHeight(Array.from({ length: 12 }, () => 'x'))).toBe(12 * 26 + 70);
  });

  it('gives every band room for the most-wrapped label', () => {
    const labels = [['Documentation', 'and', 'accountability'], 'Labeling quality'];
    const eight = [...labels, ...Array.from({ length: 6 }, () => 'x')];
    const band = (horizontalChartHeight(eight) - 70) / 8;
    expect(band).toBeGreaterThanOrEqual(3 * 14.4);
    expect(horizontalChartHeight(eight)).toBeGreaterThan(
      horizontalChartHeight(eight.map(() => 'x')),
    );
  });
});

describe('labelLineLength', () => {
  it('wraps sooner on a phone than on a wide screen', () => {
    expect(labelLineLength(true, 320)).toBeLessThan(labelLineLength(true, 600));
    expect(labelLineLength(false, 320)).toBeLessThan(labelLineLength(false, 600));
  });
});
