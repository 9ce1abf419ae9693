import { describe, expect, it } from 'vitest';
import type { ReportSample } from '../../../web/src/api/domain';
import { SourceTable, worstRow } from '../../../web/src/pages/report/source-table';
import { vnodeText } from './vnode-text';

type Row = NonNullable<ReportSample['bySource']>[number];
const row = (source: string, records: number, near: number, pii: number): Row => ({
  source,
  records,
  share: records / 300,
  duplicates: { exactRate: near / 2, nearRate: near },
  synthetic: { markerRate: 0, estimatedShare: 0.1 },
  pii: { recordShare: pii },
  freshness: null,
});
const rows = [row('clean', 100, 0, 0), row('scraper-eu', 100, 0.5, 0), row('crm', 100, 0, 1)];

describe('the per-source table', () => {
  it('marks the worst row of a column, and none when nothing is above zero or one row only', () => {
    expect(worstRow(rows, (r) => r.duplicates.nearRate)).toBe(1);
    expect(worstRow(rows, (r) => r.pii.recordShare)).toBe(2);
    expect(worstRow(rows, (r) => r.freshness?.medianAgeDays ?? null)).toBe(-1);
    expect(worstRow(rows.slice(0, 1), (r) => r.duplicates.nearRate)).toBe(-1);
    expect(worstRow(rows, (r) => r.synthetic.estimatedShare)).toBe(-1);
  });

  it('names each source and marks the worst cells in words', () => {
    const sample = {
      role: 'training',
      input: { fields: { text: 'text', source: 'feed' } },
      bySource: rows,
      languages: { detected: [{ language: 'en', share: 1 }], undetermined: 0 },
    } as unknown as ReportSample;
    const text = vnodeText(SourceTable({ samples: [sample] })).replace(/\s+/g, ' ');
    expect(text).toMatch(/scraper-eu 100 \( 33\.3 % \) 25 % \(worst\) 50 % \(worst\)/);
    expect(text).toMatch(/crm .*100 % \(worst\)/);
    // every source reads 10 % machine text: a tie marks no source
    expect(text).not.toMatch(/10 % \(worst\)/);
    expect(text).toContain('Languages of the training sample: en 100 %');
    expect(
      SourceTable({ samples: [{ ...sample, bySource: undefined, languages: undefined }] }),
    ).toBeNull();
  });
});
