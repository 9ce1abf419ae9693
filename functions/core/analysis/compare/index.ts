import { finalize } from '../finalize';
import { findContamination } from '../metrics/contamination';
import type { AnalysisPartial } from '../partial/types';
import type { Analysis, Finding } from '../types';
import { firstTokens } from './budget-slice';
import { metricChanges } from './changes';
import { diversityDeltas } from './diversity-noise';
import { jensenShannon, labelCounts, wordCounts } from './drift';
import { diversityFindings, recycledFinding, syntheticFinding, vanishedClasses } from './judge';
import type { DegradationThresholds, DeliveryComparison } from './types';

export type { DegradationThresholds, DeliveryComparison, MetricChange } from './types';

/** One delivery: its stored partial, and its analysis when already finalized. */
export interface Delivery {
  partial: AnalysisPartial;
  analysis?: Analysis;
}

/**
 * Compares a delivery with the previous one from their partials alone (the portal never re-reads
 * the old file): recycled records, metric changes, vocabulary and label drift, and whether the new
 * delivery degraded (diversity falling beyond noise, machine text rising beyond its interval,
 * recycling above the threshold, classes vanishing). Pure and deterministic.
 */
export function compareDeliveries(
  previous: Delivery,
  current: Delivery,
  options: { thresholds: DegradationThresholds; now?: Date | number },
): DeliveryComparison {
  const t = options.thresholds;
  const now = options.now ?? Date.now();
  const prev = previous.analysis ?? finalize(previous.partial, { now });
  const cur = current.analysis ?? finalize(current.partial, { now });
  const threshold = Math.min(
    previous.partial.limits.nearThreshold,
    current.partial.limits.nearThreshold,
  );
  const c = findContamination(previous.partial.index, current.partial.index, threshold);
  const overlap = { exactRate: c.exactRate, nearRate: c.nearRate };
  const { deltas, tokens } = diversityDeltas(
    previous.partial.budget.entries,
    current.partial.budget.entries,
  );
  const pl = labelCounts(previous.partial);
  const cl = labelCounts(current.partial);
  const drift = {
    vocabularyJsd: jensenShannon(
      wordCounts(firstTokens(previous.partial.budget.entries, tokens)),
      wordCounts(firstTokens(current.partial.budget.entries, tokens)),
    ),
    labelJsd: pl && cl ? jensenShannon(pl, cl) : null,
  };
  const problems = [
    recycledFinding(overlap, t),
    ...diversityFindings(deltas, t),
    syntheticFinding(prev, cur),
    vanishedClasses(pl, cl, t),
  ].filter((f): f is Finding => f !== undefined);
  const findings: Finding[] = problems.length
    ? problems
    : [
        {
          id: 'delivery.consistent',
          severity: 'info',
          message:
            'No sign of degradation since the previous delivery: diversity within noise, machine-text share within its interval, little recycled content, no class lost.',
          evidence: { overlap, drift },
        },
      ];
  return {
    overlap,
    changes: metricChanges(prev, cur, deltas),
    drift,
    degraded: problems.length > 0,
    findings,
    basis: {
      previousRecords: previous.partial.records,
      currentRecords: current.partial.records,
      diversityTokens: tokens,
    },
  };
}
