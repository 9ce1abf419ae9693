/** Builds chart specs from report data (pure, unit-tested); colours pair with text labels. */

import type { DimensionScore, RiskFactor } from '../../api/domain';
import type { Analysis } from '../../api/types';
import type { ChartSpec } from '../../components/chart-figure';
import { humanize, percent } from '../../format';
import { diversityReference } from './reference';

/** Colours per factor source (the source is also written in each bar's label). */
export const sourceColors: Record<RiskFactor['source'], string> = {
  answer: '#1d4f91',
  sample: '#6a3d9a',
  discrepancy: '#b3261e',
  missing: '#5f6b76',
};

const sourceWords: Record<RiskFactor['source'], string> = {
  answer: 'answer',
  sample: 'sample',
  discrepancy: 'discrepancy',
  missing: 'missing',
};

/** Risk points per factor, largest first, each bar labelled with its source. */
export function factorSpec(factors: RiskFactor[], names?: Map<string, string>): ChartSpec {
  const sorted = [...factors].sort((a, b) => b.points - a.points);
  return {
    kind: 'bar',
    horizontal: true,
    labels: sorted.map(
      (f) => `${names?.get(f.id) ?? humanize(f.id)} (${sourceWords[f.source] ?? f.source})`,
    ),
    series: [
      {
        label: 'Risk points',
        values: sorted.map((f) => f.points),
        color: sorted.map((f) => sourceColors[f.source] ?? '#5f6b76'),
      },
    ],
    valueLabel: 'Risk points',
  };
}

/**
 * Maturity level (0–4) per dimension, as horizontal bars: eight dimension names of up to 32
 * characters read in full, left to right, at any width (under vertical bars they overlapped).
 */
export function maturitySpec(dimensions: DimensionScore[], names?: Map<string, string>): ChartSpec {
  return {
    kind: 'bar',
    horizontal: true,
    labels: dimensions.map((d) => names?.get(d.id) ?? humanize(d.id)),
    series: [
      {
        label: 'Maturity level (0–4)',
        values: dimensions.map((d) => d.level),
        color: '#1d6b5f',
        // Level 0 is a finding, not a missing value: draw it as a short visible bar.
        minBarLength: 4,
      },
    ],
    max: 4,
    valueLabel: 'Level',
  };
}

/** Records per label, most frequent first; rare classes carry "(rare)" and another colour. */
export function labelSpec(labels: NonNullable<Analysis['labels']>): ChartSpec {
  const rare = new Set(labels.rareClasses);
  const entries = Object.entries(labels.classes).sort((a, b) => b[1] - a[1]);
  return {
    kind: 'bar',
    labels: entries.map(([name]) => (rare.has(name) ? `${name} (rare)` : name)),
    series: [
      {
        label: 'Records',
        values: entries.map(([, count]) => count),
        color: entries.map(([name]) => (rare.has(name) ? '#b35900' : '#1d4f91')),
      },
    ],
    valueLabel: 'Records',
  };
}

/** How many duplicate clusters have each size (sizes above 10 grouped). */
export function clusterSpec(clusters: Analysis['duplicates']['clusters']): ChartSpec {
  const buckets = new Map<string, number>();
  const order = ['2', '3', '4', '5', '6–10', '11–50', '> 50'];
  for (const { size } of clusters) {
    const key = size <= 5 ? String(size) : size <= 10 ? '6–10' : size <= 50 ? '11–50' : '> 50';
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  const labels = order.filter((k) => buckets.has(k));
  return {
    kind: 'bar',
    labels: labels.map((k) => `${k} records`),
    series: [
      { label: 'Clusters', values: labels.map((k) => buckets.get(k) ?? 0), color: '#6a3d9a' },
    ],
    valueLabel: 'Clusters',
  };
}

/** Lexical diversity of the sample next to human-written reference text. */
export function diversitySpec(diversity: Analysis['diversity']): ChartSpec {
  const metrics: { key: 'distinct1' | 'distinct2' | 'distinct3' | 'mattr'; label: string }[] = [
    { key: 'distinct1', label: 'Distinct words' },
    { key: 'distinct2', label: 'Distinct word pairs' },
    { key: 'distinct3', label: 'Distinct word triples' },
    { key: 'mattr', label: 'Moving type-token ratio' },
  ];
  return {
    kind: 'bar',
    labels: metrics.map((m) => m.label),
    series: [
      { label: 'This sample', values: metrics.map((m) => diversity[m.key]), color: '#1d4f91' },
      {
        label: diversityReference.label,
        values: metrics.map((m) => diversityReference[m.key]),
        color: '#8a9aa8',
      },
    ],
    max: 1,
    valueLabel: 'Share (higher = more diverse)',
    format: (value) => percent(value),
  };
}

/** Records per month of creation. */
export function dateSpec(histogram: { month: string; count: number }[]): ChartSpec {
  const sorted = [...histogram].sort((a, b) => a.month.localeCompare(b.month));
  return {
    kind: 'bar',
    labels: sorted.map((h) => h.month),
    series: [{ label: 'Records', values: sorted.map((h) => h.count), color: '#1d6b5f' }],
    valueLabel: 'Records',
  };
}
