import { describe, expect, it } from 'vitest';
import type { DeliveryPoint, DeliverySeries } from '../../../web/src/api/delivery-series';
import {
  deliverySpec,
  diversityText,
  machineTextText,
  seriesSummary,
  verdictText,
} from '../../../web/src/pages/staff/portfolio-deliveries-model';

const first: DeliveryPoint = {
  assessmentId: 'a1',
  number: 1,
  deliveredAt: '2026-09-02T10:00:00.000Z',
  reportVersion: 1,
  records: 1200,
  diversity: { distinct2: 0.523, mattr: 0.71 },
  machineText: { share: 0.08, interval: [0.02, 0.19], evidence: 'screening' },
  nearDuplicateRate: 0.01,
  sincePrevious: null,
};
const second: DeliveryPoint = {
  ...first,
  assessmentId: 'a2',
  number: 2,
  deliveredAt: '2026-11-20T10:00:00.000Z',
  diversity: { distinct2: 0.41, mattr: 0.66 },
  sincePrevious: {
    overlap: { exactRate: 0.48, nearRate: 0.507 },
    degraded: true,
    findings: [{ severity: 'high', message: 'Half of it repeats.' }],
    diversity: [{ measure: 'distinct2', previous: 0.52, current: 0.45, noise: 0.003 }],
    riskPoints: 9,
  },
};
const pending: DeliveryPoint = {
  ...first,
  assessmentId: 'a3',
  number: 3,
  records: null,
  diversity: null,
  machineText: null,
  nearDuplicateRate: null,
  notMeasured: 'No report yet: nothing delivered or scored.',
  notCompared: undefined,
};
const series: DeliverySeries = {
  vendor: 'Acme',
  dataset: 'Chats',
  deliveries: [first, second, pending],
  omitted: 0,
  degradedCount: 1,
  lastDeliveredAt: second.deliveredAt,
};

describe('portfolio delivery measurements', () => {
  it('charts every measurement in percent per delivery, with gaps where nothing was measured', () => {
    const spec = deliverySpec(series);
    expect(spec.labels).toEqual([
      'Delivery 1 (2026-09-02)',
      'Delivery 2 (2026-11-20)',
      'Delivery 3 (2026-09-02)',
    ]);
    const by = new Map(spec.series.map((s) => [s.label, s.values]));
    expect(by.get('Variety of word pairs')).toEqual([52.3, 41, null]);
    expect(by.get('Machine text (estimate)')).toEqual([8, 8, null]);
    expect(by.get('Repeats the previous delivery')).toEqual([null, 50.7, null]);
    expect(spec.max).toBe(100);
  });

  it('writes the interval, the equal-length change and the verdict in words', () => {
    expect(machineTextText(first)).toBe('8.0 % (2.0 %–19 %)');
    expect(diversityText(second, 'distinct2')).toBe('0.410 (−0.070 vs previous, noise ±0.003)');
    expect(diversityText(second, 'mattr')).toBe('0.660');
    expect(verdictText(first)).toMatch(/First delivery/);
    expect(verdictText(second)).toBe('Degraded');
    expect(verdictText({ ...pending, reportVersion: null })).toBe('Not measured yet');
    expect(verdictText(pending)).toBe('Not compared');
    expect(seriesSummary(series)).toBe(
      '3 deliveries, 2 measured; 1 flagged degraded (delivery 2).',
    );
  });
});
