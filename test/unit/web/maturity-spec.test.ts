import { describe, expect, it } from 'vitest';
import type { DimensionScore } from '../../../web/src/api/domain';
import { maturitySpec } from '../../../web/src/pages/report/chart-specs';

describe('maturity chart', () => {
  it('draws a level-0 dimension as a visible bar, keeping its value 0', () => {
    const dims = [
      { id: 'provenance', level: 0 },
      { id: 'consent', level: 3 },
    ] as DimensionScore[];
    const spec = maturitySpec(dims);
    expect(spec.series[0]?.values).toEqual([0, 3]);
    expect(spec.series[0]?.minBarLength ?? 0).toBeGreaterThan(0);
    expect(spec.max).toBe(4);
  });

  it('draws horizontal bars, so long dimension names read in full at any width', () => {
    const dims = [
      { id: 'documentation', level: 2 },
      { id: 'monitoring', level: 1 },
    ] as DimensionScore[];
    const names = new Map([['documentation', 'Documentation and accountability']]);
    const spec = maturitySpec(dims, names);
    expect(spec.horizontal).toBe(true);
    expect(spec.labels).toEqual(['Documentation and accountability', 'Monitoring']);
  });
});
