import { describe, expect, it } from 'vitest';
import { analyze, jsonl } from './helpers';

describe('provenance and freshness', () => {
  it('measures completeness per field and synthetic records without a generator', async () => {
    const records = [
      {
        text: 'a',
        source: 'web',
        license: 'MIT',
        synthetic: true,
        generator: 'gpt-x',
        created_at: '2024-01-10',
      },
      {
        text: 'b',
        source: 'web',
        license: '',
        synthetic: true,
        generator: '',
        created_at: '2024-03-01',
      },
      { text: 'c', source: '', license: 'MIT', synthetic: false, created_at: 'not a date' },
      { text: 'd', source: 'book', synthetic: 'yes', created_at: '2023-12-31T23:00:00Z' },
    ];
    const { analysis } = await analyze(jsonl(records));
    expect(analysis.provenance.perField).toEqual({
      source: 0.75,
      createdAt: 1,
      license: 0.5,
      synthetic: 1,
      generator: 0.25,
    });
    expect(analysis.provenance.completeness).toBeCloseTo((0.75 + 1 + 0.5 + 1) / 4);
    expect(analysis.provenance.syntheticWithoutGenerator).toBe(2);
    expect(analysis.synthetic.declaredShare).toBe(0.75);
  });

  it('reports oldest, newest, median age from the injected clock, a monthly histogram and unparseable dates', async () => {
    const dates = [
      '2024-01-10',
      '24-02-2024 11.35',
      '1709251200',
      'soon',
      '2024-03-05T10:00:00+02:00',
    ];
    const { analysis } = await analyze(
      jsonl(dates.map((d, i) => ({ text: `t${i}`, created_at: d }))),
      {
        now: new Date('2024-04-01T12:00:00Z'),
      },
    );
    expect(analysis.freshness).toEqual({
      oldest: '2024-01-10',
      newest: '2024-03-05',
      medianAgeDays: 34,
      unparseable: 1,
      histogram: [
        { month: '2024-01', count: 1 },
        { month: '2024-02', count: 1 },
        { month: '2024-03', count: 2 },
      ],
    });
    const finding = analysis.findings.find((f) => f.id === 'freshness.unparseable');
    expect(finding?.evidence).toMatchObject({ count: 1, examples: [{ record: 3, value: 'soon' }] });
  });

  it('flags stale and future-dated samples', async () => {
    const old = await analyze(jsonl([{ text: 'x', date: '2015-01-01' }]), {
      now: new Date('2025-01-01'),
    });
    expect(old.analysis.findings.find((f) => f.id === 'freshness.stale')?.severity).toBe('medium');
    const future = await analyze(jsonl([{ text: 'x', date: '2030-01-01' }]), {
      now: new Date('2025-01-01'),
    });
    expect(future.analysis.findings.map((f) => f.id)).toContain('freshness.future');
  });

  it('is null without a date field', async () => {
    const { analysis } = await analyze(jsonl([{ text: 'x' }]));
    expect(analysis.freshness).toBeNull();
  });
});
