import type { AnalysisPartial } from '../partial/types';

/** Label distribution metrics (null when the sample has no label field or no labels). */
export function labelStats(p: AnalysisPartial, conflictRate: number, holdout?: AnalysisPartial) {
  const entries = p.labels.names
    .map((name, i) => [name, p.labels.counts[i] as number] as const)
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!p.fields.label || entries.length === 0) return null;
  const total = entries.reduce((s, [, c]) => s + c, 0);
  const k = entries.length;
  let h = 0;
  for (const [, c] of entries) h -= (c / total) * Math.log(c / total);
  const max = entries[0]?.[1] ?? 0;
  const min = entries[k - 1]?.[1] ?? 0;
  const trainingClasses = new Set(entries.map(([name]) => name));
  const missingInTraining = holdout
    ? holdout.labels.names.filter(
        (name, i) => (holdout.labels.counts[i] as number) > 0 && !trainingClasses.has(name),
      )
    : [];
  return {
    classes: Object.fromEntries(entries),
    normalizedEntropy: k > 1 ? h / Math.log(k) : 0,
    imbalanceRatio: min > 0 ? max / min : 0,
    rareClasses: k > 1 ? entries.filter(([, c]) => c / total < 0.01).map(([name]) => name) : [],
    conflictRate,
    lowAgreementShare: p.confidence.present > 0 ? p.confidence.low / p.confidence.present : null,
    missingInTraining: missingInTraining.sort(),
  };
}
