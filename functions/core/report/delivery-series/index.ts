import type { VersionedReport } from '../answers';
import { deliveredAt } from './chains';
import { deliveryPoint } from './point';
import type { DeliveryAssessment, DeliverySeries } from './types';

export { deliveredAt, deliveryChains } from './chains';
export { deliveryPoint } from './point';
export type * from './types';

/** A stored report for an assessment, or why it could not be read (in words). */
export type StoredReport = VersionedReport | { unreadable: string };

/**
 * Builds each vendor dataset's delivery series from its assessments and their latest stored
 * reports (pure): deliveries in order, each with what its report measured and how it compared
 * with the previous delivery. Keeps the newest `maxDeliveries` per dataset; datasets with the
 * most recent delivery come first.
 */
export function buildDeliverySeries(
  chains: DeliveryAssessment[][],
  reports: Map<string, StoredReport>,
  options: { maxDeliveries: number },
): DeliverySeries[] {
  const out: DeliverySeries[] = [];
  for (const chain of chains) {
    const latest = chain.at(-1);
    if (!latest) continue;
    const points = chain.map((a, i) => {
      const stored = reports.get(a.id);
      return stored && 'unreadable' in stored
        ? deliveryPoint(a, i + 1, undefined, stored.unreadable)
        : deliveryPoint(a, i + 1, stored);
    });
    const kept = points.slice(-options.maxDeliveries);
    out.push({
      vendor: latest.vendor.name,
      dataset: latest.dataset.name,
      deliveries: kept,
      omitted: points.length - kept.length,
      degradedCount: points.filter((p) => p.sincePrevious?.degraded).length,
      lastDeliveredAt: chain.map(deliveredAt).sort().at(-1) ?? latest.createdAt,
    });
  }
  return out.sort(
    (x, y) =>
      y.lastDeliveredAt.localeCompare(x.lastDeliveredAt) ||
      x.vendor.localeCompare(y.vendor) ||
      x.dataset.localeCompare(y.dataset),
  );
}
