import { describe, expect, it } from 'vitest';
import { evaluateContract, resultWords } from '../../../functions/core/assessment/contract';

/** An image delivery's analysis as finalize stores it: text measures zero-filled, never measured. */
const images = (evidenced: number) => ({
  input: { records: 10, malformed: 1, format: 'images' },
  duplicates: { exactRate: 0.1, nearRate: 0.2 },
  diversity: { distinct2: 0, mattr: 0 },
  synthetic: { markerRate: evidenced, estimatedShare: evidenced, interval: [evidenced, 1] },
  provenance: { completeness: 0 },
  pii: { recordShare: 0 },
  labels: null,
  contamination: { overlapRate: 0, exactRate: 0 },
  images: { decoded: 10 },
});

describe('a contract checked against an archive of images', () => {
  it('measures counts, copies and holdout overlap as for text', () => {
    const r = evaluateContract(
      [
        { metric: 'duplicates.nearRate', max: 0.05 },
        { metric: 'input.records', min: 5 },
        { metric: 'contamination.overlapRate', max: 0 },
      ],
      images(0),
    );
    expect(r.conditions.map((c) => c.held)).toEqual([false, true, true]);
  });

  it('never passes or breaks a text-only measure on its zero-filled value', () => {
    const r = evaluateContract(
      [
        { metric: 'pii.recordShare', max: 0 },
        { metric: 'diversity.distinct2', min: 0.5 },
        { metric: 'provenance.completeness', min: 0.9 },
      ],
      images(0),
    );
    expect(r.conditions.map((c) => [c.measurable, c.held, c.actual])).toEqual([
      [false, null, null],
      [false, null, null],
      [false, null, null],
    ]);
    expect(r.held).toBe(false);
    expect(r.broken).toBe(0);
    expect(resultWords(r.conditions[0] as never)).toMatch(/written text.*archive of images/);
  });

  it('breaks a machine-text maximum its lower bound exceeds, and never shows one held', () => {
    const over = evaluateContract([{ metric: 'synthetic.interval.0', max: 0.1 }], images(0.3));
    expect(over.conditions[0]).toMatchObject({ held: false, measurable: true, actual: 0.3 });
    const under = evaluateContract(
      [{ metric: 'synthetic.estimatedShare', max: 0.1 }],
      images(0.05),
    );
    expect(under.conditions[0]).toMatchObject({ held: null, measurable: false });
    expect(under.conditions[0]?.reason).toMatch(/lower bound/);
    const min = evaluateContract([{ metric: 'synthetic.markerRate', min: 0.01 }], images(0.3));
    expect(min.conditions[0]).toMatchObject({ held: null, measurable: false });
  });

  it('leaves text deliveries as they were', () => {
    const text = { ...images(0), images: undefined };
    const r = evaluateContract([{ metric: 'pii.recordShare', max: 0 }], text);
    expect(r.conditions[0]).toMatchObject({ held: true, measurable: true, actual: 0 });
  });
});
