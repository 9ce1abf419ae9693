import type { Analysis } from '../types';
import type { DiversityDelta } from './diversity-noise';
import type { MetricChange } from './types';

const DAY_MS = 86_400_000;

const numeric = (
  metric: string,
  previous: number | null,
  current: number | null,
): MetricChange => ({
  metric,
  previous,
  current,
  change: previous === null || current === null ? null : current - previous,
});

/** Every compared metric, by analysis path (DESIGN.md "Analysis"). */
export function metricChanges(
  prev: Analysis,
  cur: Analysis,
  deltas: DiversityDelta[],
): MetricChange[] {
  const newest = (a: Analysis) => a.freshness?.newest ?? null;
  const pn = newest(prev);
  const cn = newest(cur);
  return [
    ...deltas.map((d) => ({
      ...numeric(`diversity.${d.key}`, d.previous, d.current),
      noise: d.noise,
    })),
    numeric(
      'synthetic.estimatedShare',
      prev.synthetic.estimatedShare,
      cur.synthetic.estimatedShare,
    ),
    numeric('synthetic.declaredShare', prev.synthetic.declaredShare, cur.synthetic.declaredShare),
    numeric('synthetic.markerRate', prev.synthetic.markerRate, cur.synthetic.markerRate),
    numeric('duplicates.exactRate', prev.duplicates.exactRate, cur.duplicates.exactRate),
    numeric('duplicates.nearRate', prev.duplicates.nearRate, cur.duplicates.nearRate),
    numeric(
      'labels.normalizedEntropy',
      prev.labels?.normalizedEntropy ?? null,
      cur.labels?.normalizedEntropy ?? null,
    ),
    numeric(
      'labels.rareClasses',
      prev.labels?.rareClasses.length ?? null,
      cur.labels?.rareClasses.length ?? null,
    ),
    numeric('provenance.completeness', prev.provenance.completeness, cur.provenance.completeness),
    {
      metric: 'freshness.newest',
      previous: pn,
      current: cn,
      change: pn && cn ? Math.round((Date.parse(cn) - Date.parse(pn)) / DAY_MS) : null,
    },
  ];
}
