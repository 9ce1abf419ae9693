/** The delivery measurements of one vendor dataset as a chart and table rows (pure, unit-tested). */
import type { DeliveryPoint, DeliverySeries } from '../../api/delivery-series';
import type { ChartSpec } from '../../components/chart-figure';
import { formatDate, percent } from '../../format';

/** The measured series, each named once for people (ids stay in the JSON). */
export const MEASURES = [
  { key: 'distinct2', name: 'Variety of word pairs', color: '#1d4f91' },
  { key: 'mattr', name: 'Variety of words in running text', color: '#1d6b5f' },
  { key: 'machine', name: 'Machine text (estimate)', color: '#b3261e' },
  { key: 'near', name: 'Near-duplicates', color: '#6a3d9a' },
  { key: 'overlap', name: 'Repeats the previous delivery', color: '#b35900' },
] as const;

type MeasureKey = (typeof MEASURES)[number]['key'];

const round1 = (x: number) => Math.round(x * 1000) / 10;

function value(p: DeliveryPoint, key: MeasureKey): number | null {
  switch (key) {
    case 'distinct2':
      return p.diversity ? round1(p.diversity.distinct2) : null;
    case 'mattr':
      return p.diversity ? round1(p.diversity.mattr) : null;
    case 'machine':
      return p.machineText ? round1(p.machineText.share) : null;
    case 'near':
      return p.nearDuplicateRate === null ? null : round1(p.nearDuplicateRate);
    case 'overlap':
      return p.sincePrevious ? round1(p.sincePrevious.overlap.nearRate) : null;
  }
}

/** "Delivery 2 (2026-11-20)": how a delivery is named on the page. */
export const deliveryName = (p: DeliveryPoint) =>
  `Delivery ${p.number} (${formatDate(p.deliveredAt)})`;

/** A line per measurement across the deliveries, all in percent (0–100). */
export function deliverySpec(series: DeliverySeries): ChartSpec {
  return {
    kind: 'line',
    labels: series.deliveries.map(deliveryName),
    series: MEASURES.map((m) => ({
      label: m.name,
      values: series.deliveries.map((p) => value(p, m.key)),
      color: m.color,
    })),
    max: 100,
    valueLabel: 'Percent',
    format: (v) => `${v} %`,
  };
}

/** The machine-text share with its interval, or marked as a screening value. */
export function machineTextText(p: DeliveryPoint): string {
  const m = p.machineText;
  if (!m) return '—';
  const range = `${percent(m.interval[0])}–${percent(m.interval[1])}`;
  return `${percent(m.share)} (${range})`;
}

/** A diversity value, with its change against the previous delivery at equal length. */
export function diversityText(p: DeliveryPoint, measure: 'distinct2' | 'mattr'): string {
  if (!p.diversity) return '—';
  const own = p.diversity[measure].toFixed(3);
  const c = p.sincePrevious?.diversity.find((d) => d.measure === measure);
  if (!c) return own;
  const change = c.current - c.previous;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${own} (${sign}${Math.abs(change).toFixed(3)} vs previous, noise ±${c.noise.toFixed(3)})`;
}

/** The verdict for one delivery in a few words (the reason, if any, is shown beside it). */
export function verdictText(p: DeliveryPoint): string {
  if (p.sincePrevious) {
    return p.sincePrevious.degraded ? 'Degraded' : 'No sign of degradation';
  }
  if (p.number === 1) return 'First delivery';
  if (p.reportVersion === null) return 'Not measured yet';
  return 'Not compared';
}

/** One sentence per dataset for the chart's caption and screen readers. */
export function seriesSummary(series: DeliverySeries): string {
  const measured = series.deliveries.filter((p) => p.diversity);
  const n = series.deliveries.length + series.omitted;
  const flagged =
    series.degradedCount === 0
      ? 'none flagged degraded'
      : `${series.degradedCount} flagged degraded (${series.deliveries
          .filter((p) => p.sincePrevious?.degraded)
          .map((p) => `delivery ${p.number}`)
          .join(', ')})`;
  return `${n} ${n === 1 ? 'delivery' : 'deliveries'}, ${measured.length} measured; ${flagged}.`;
}
