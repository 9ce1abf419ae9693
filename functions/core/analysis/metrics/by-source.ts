import { type LanguageShares, sharesOf } from '../languages/detect';
import type { LanguageEntry } from '../languages/sample';
import { addTallies, emptyTally, type SourceTally } from '../partial/sources';
import type { AnalysisPartial } from '../partial/types';
import { adjustedShare } from '../synthetic/estimate';
import { MODEL } from '../synthetic/model';
import type { SourceRow } from '../types';
import type { Duplicates } from './dedup';
import { withMarkers } from './synthetic';

/** Sources reported one by one; the rest share the `OTHER` row. */
export const TOP_SOURCES = 20;
/** The row of every source beyond the largest `TOP_SOURCES` (and beyond the partial's cap). */
export const OTHER = '(other)';
const DAY_MS = 86_400_000;

/**
 * The sample estimate's point value for one source (no bootstrap: the table shows no interval).
 * With a style sample at `rate`, the source's scored records stand for `scored / rate` records.
 */
function estimatedShare(t: SourceTally, rate: number): number {
  const scored = t.scores.reduce((s, c) => s + c, 0);
  const text = t.markers + scored / rate;
  const m = text ? t.markers / text : 0;
  return withMarkers(m, scored ? adjustedShare(t.scores, MODEL) : 0);
}

function medianAgeDays(days: Record<string, number>, nowMs: number): number | null {
  const sorted = Object.entries(days)
    .map(([d, c]) => [Number(d), c] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, c]) => s + c, 0);
  if (total === 0) return null;
  const at = (pos: number) => {
    let seen = 0;
    for (const [day, c] of sorted) {
      seen += c;
      if (pos < seen) return day;
    }
    return (sorted[sorted.length - 1] as readonly [number, number])[0];
  };
  const median = (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2;
  return Math.floor(nowMs / DAY_MS) - median;
}

/** Which row each source id lands in: the largest `TOP_SOURCES` by records, then `OTHER`. */
function rowsOf(p: AnalysisPartial): {
  names: string[];
  tallies: SourceTally[];
  rowOf: (id: number) => number;
} {
  const s = p.sources as NonNullable<AnalysisPartial['sources']>;
  const order = s.names
    .map((name, id) => ({ name, id, records: (s.tallies[id] as SourceTally).records }))
    .sort((a, b) => b.records - a.records || a.name.localeCompare(b.name));
  const top = order.slice(0, TOP_SOURCES);
  const row = new Map(top.map((t, i) => [t.id, i]));
  let other = s.overflow;
  for (const t of order.slice(TOP_SOURCES))
    other = addTallies(other, s.tallies[t.id] as SourceTally);
  const names = top.map((t) => t.name);
  const tallies = top.map((t) => s.tallies[t.id] as SourceTally);
  if (other.records > 0) {
    names.push(OTHER);
    tallies.push(other);
  }
  const otherRow = names.length - 1;
  return { names, tallies, rowOf: (id) => (id === -1 ? -1 : (row.get(id) ?? otherRow)) };
}

/**
 * The per-source rows of a partial with a source field (null without one): the largest 20 sources
 * plus `(other)` when more exist. Duplicate rates are shares of the source's indexed records that
 * repeat an earlier record anywhere in the sample; languages come from the language sample.
 */
export function bySource(
  p: AnalysisPartial,
  dup: Duplicates,
  languages: { entries: readonly LanguageEntry[]; results: readonly (string | null)[] } | null,
  nowMs: number,
): SourceRow[] | null {
  if (!p.sources || !p.fields.source) return null;
  const { names, tallies, rowOf } = rowsOf(p);
  const indexed = new Array(names.length).fill(0);
  const exact = new Array(names.length).fill(0);
  const near = new Array(names.length).fill(0);
  const ix = p.index;
  for (let r = 0; r < ix.n; r++) {
    const row = rowOf(ix.sources[r] as number);
    if (row < 0) continue;
    indexed[row]++;
    const rep = dup.repeats[r] as number;
    if (rep === 2) exact[row]++;
    if (rep >= 1) near[row]++;
  }
  const langs: (string | null)[][] = names.map(() => []);
  if (languages) {
    languages.entries.forEach((e, i) => {
      const row = rowOf(e.source);
      if (row >= 0) langs[row]?.push(languages.results[i] ?? null);
    });
  }
  const hasLabels = Boolean(p.fields.label);
  return names.map((source, i) => {
    const t = tallies[i] ?? emptyTally();
    const age = medianAgeDays(t.days, nowMs);
    const sampled = langs[i] ?? [];
    const shares: LanguageShares | null = sampled.length ? sharesOf(sampled) : null;
    return {
      source,
      records: t.records,
      share: p.records ? t.records / p.records : 0,
      duplicates: {
        exactRate: indexed[i] ? exact[i] / indexed[i] : 0,
        nearRate: indexed[i] ? near[i] / indexed[i] : 0,
      },
      synthetic: {
        markerRate: t.records ? t.markers / t.records : 0,
        estimatedShare: estimatedShare(t, p.styleSampling?.rate ?? 1),
      },
      pii: { recordShare: t.records ? t.pii / t.records : 0 },
      freshness: age === null ? null : { medianAgeDays: age },
      labels: hasLabels ? { ...t.labels } : null,
      languages: shares ? { ...shares, sampled: sampled.length } : null,
    };
  });
}
