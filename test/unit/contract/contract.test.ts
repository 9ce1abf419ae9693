import { describe, expect, it } from 'vitest';
import {
  ContractInvalidError,
  conditionWords,
  evaluateContract,
  parseContract,
  resultWords,
} from '../../../functions/core/assessment/contract';

const analysis = {
  duplicates: { exactRate: 0.01, nearRate: 0.08 },
  synthetic: { interval: [0.12, 0.3] },
  pii: { recordShare: 0 },
  labels: null,
};

describe('parseContract', () => {
  it('accepts the DESIGN.md shapes', () => {
    const c = parseContract({
      conditions: [
        { metric: 'duplicates.nearRate', max: 0.05 },
        { metric: 'synthetic.interval.0', max: 0.15 },
        { metric: 'compare.overlap.nearRate', max: 0.1, note: 'recycling' },
        { metric: 'pii.recordShare', source: 'feed-b', max: 0 },
      ],
    });
    expect(c).toHaveLength(4);
  });

  it('names an unknown path and lists the valid ones', () => {
    try {
      parseContract({ conditions: [{ metric: 'duplicates.nearRatio', max: 0.05 }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContractInvalidError);
      const err = (e as ContractInvalidError).errors[0];
      expect(err?.path).toBe('conditions.0.metric (duplicates.nearRatio)');
      expect(err?.message).toContain('unknown metric "duplicates.nearRatio"');
      expect(err?.message).toContain('duplicates.nearRate');
      expect(err?.message).toContain('compare.overlap.nearRate');
    }
  });

  it('refuses a condition without a bound and a comparison path scoped to a source', () => {
    expect(() => parseContract({ conditions: [{ metric: 'pii.recordShare' }] })).toThrow(
      /needs a bound/,
    );
    expect(() =>
      parseContract({ conditions: [{ metric: 'compare.overlap.nearRate', source: 'a', max: 1 }] }),
    ).toThrow(/source-scoped/);
    expect(() => parseContract({ conditions: [] })).toThrow(ContractInvalidError);
    expect(() =>
      parseContract({ conditions: [{ metric: 'pii.recordShare', min: 0.5, max: 0.1 }] }),
    ).toThrow(/above max/);
  });
});

describe('evaluateContract', () => {
  it('holds and breaks conditions with the actual value', () => {
    const r = evaluateContract(
      [
        { metric: 'duplicates.nearRate', max: 0.05 },
        { metric: 'synthetic.interval.0', max: 0.15 },
        { metric: 'pii.recordShare', max: 0 },
      ],
      analysis,
    );
    expect(r.held).toBe(false);
    expect(r.broken).toBe(1);
    expect(r.conditions.map((c) => [c.metric, c.actual, c.held])).toEqual([
      ['duplicates.nearRate', 0.08, false],
      ['synthetic.interval.0', 0.12, true],
      ['pii.recordShare', 0, true],
    ]);
  });

  it('reads compare. paths from the comparison, and is not measurable without one', () => {
    const cond = [{ metric: 'compare.overlap.nearRate', max: 0.1 }];
    const with_ = evaluateContract(cond, analysis, { overlap: { exactRate: 0.3, nearRate: 0.4 } });
    expect(with_.conditions[0]).toMatchObject({ actual: 0.4, held: false, measurable: true });
    const without = evaluateContract(cond, analysis);
    expect(without.conditions[0]).toMatchObject({ actual: null, held: null, measurable: false });
    expect(without.held).toBe(false);
    expect(without.broken).toBe(0);
  });

  it('reads a source row, and never holds silently when bySource is absent', () => {
    const cond = [{ metric: 'duplicates.nearRate', source: 'feed-b', max: 0.05 }];
    const rows = {
      ...analysis,
      bySource: [
        { source: 'feed-a', duplicates: { nearRate: 0 } },
        { source: 'feed-b', duplicates: { nearRate: 0.5 } },
      ],
    };
    expect(evaluateContract(cond, rows).conditions[0]).toMatchObject({ actual: 0.5, held: false });
    const absent = evaluateContract(cond, analysis).conditions[0];
    expect(absent).toMatchObject({ held: null, measurable: false });
    expect(absent?.reason).toMatch(/no per-source/);
    const unknown = evaluateContract([{ ...cond[0], source: 'feed-z' } as never], rows);
    expect(unknown.conditions[0]?.reason).toMatch(/feed-z/);
  });

  it('treats a null block (no labels) as not measurable and min bounds as floors', () => {
    const r = evaluateContract(
      [
        { metric: 'labels.conflictRate', max: 0.1 },
        { metric: 'duplicates.exactRate', min: 0.02 },
      ],
      analysis,
    );
    expect(r.conditions[0]?.measurable).toBe(false);
    expect(r.conditions[1]).toMatchObject({ actual: 0.01, held: false });
  });
});

describe('plain words', () => {
  it('renders conditions and results for people', () => {
    expect(conditionWords({ metric: 'duplicates.nearRate', max: 0.05 })).toBe(
      'near duplicates: at most 5 %',
    );
    expect(conditionWords({ metric: 'pii.recordShare', max: 0, source: 'feed-b' })).toBe(
      'records with personal data in source "feed-b": none at all',
    );
    expect(conditionWords({ metric: 'freshness.medianAgeDays', min: 1, max: 30 })).toBe(
      'median record age: between 1 days and 30 days',
    );
    const r = evaluateContract([{ metric: 'duplicates.nearRate', max: 0.05 }], analysis);
    expect(resultWords(r.conditions[0] as never)).toBe(
      'near duplicates: at most 5 % — BROKEN, measured 8 %',
    );
  });
});

describe('contract rows of the report CSV', () => {
  it('puts a vendor comment that starts with a formula out of a spreadsheet’s reach', async () => {
    const { contractCsvRows } = await import('../../../functions/core/assessment/contract');
    const { toCsv } = await import('../../../functions/core/report/csv-cell');
    const r = evaluateContract([{ metric: 'duplicates.nearRate', max: 0.05 }], analysis);
    const condition = r.conditions[0] as never;
    const item = {
      condition,
      status: 'accepted',
      owner: null,
      dueAt: '2027-01-01T00:00:00.000Z',
      exception: { reason: 'new feed', until: '2027-02-01T00:00:00.000Z', by: 'g', at: 'x' },
      comments: [{ at: 'x', by: 'v', role: 'vendor', text: '=1+1' }],
    } as never;
    const rows = contractCsvRows(r.conditions, [item]);
    expect(rows[0]).toEqual([
      'condition',
      'near duplicates: at most 5 %',
      '',
      'broken',
      '',
      '',
      '',
      '8 %',
    ]);
    expect(rows[1]?.[4]).toBe('exception until 2027-02-01: new feed');
    const single = toCsv(['c'], [[(rows[1] as string[])[6]?.replace('vendor: ', '')]]);
    expect(single).toContain("'=1+1");
  });
});
