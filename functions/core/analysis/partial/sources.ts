import { SCORE_BINS } from '../synthetic/model';

/** Distinct sources a partial counts one by one; later new sources share the overflow tally. */
export const MAX_SOURCES = 1000;
/** Distinct labels counted per source; later new labels are not counted for that source. */
export const MAX_SOURCE_LABELS = 50;
/** The name records without a source value are counted under. */
export const NO_SOURCE = '(none)';

/** What a partial counts for one source (or for the overflow of sources beyond the cap). */
export interface SourceTally {
  records: number;
  /** Records with machine-text markers. */
  markers: number;
  /** Style-score histogram (`SCORE_BINS`) of records with text and no marker. */
  scores: number[];
  /** Records with personal data. */
  pii: number;
  /** Creation dates: day number → records. */
  days: Record<string, number>;
  /** Label → records (first `MAX_SOURCE_LABELS` labels seen). */
  labels: Record<string, number>;
}

/**
 * Per-source counts of a partial. Sources are numbered in first-seen order; the first
 * `MAX_SOURCES` distinct values get their own tally and later ones share `overflow`. Merging
 * keeps `a`'s numbering and appends `b`'s new names in `b`'s order, so it equals one pass whenever
 * the whole sample has at most `MAX_SOURCES` distinct sources (and otherwise differs only in which
 * late sources land in the overflow).
 */
export interface SourceCounts {
  names: string[];
  tallies: SourceTally[];
  overflow: SourceTally;
}

/** An empty tally. */
export function emptyTally(): SourceTally {
  return {
    records: 0,
    markers: 0,
    scores: new Array(SCORE_BINS).fill(0),
    pii: 0,
    days: {},
    labels: {},
  };
}

/** Empty per-source counts. */
export const createSources = (): SourceCounts => ({
  names: [],
  tallies: [],
  overflow: emptyTally(),
});

const addRecord = (a: Record<string, number>, b: Record<string, number>, cap: number) => {
  const out = { ...a };
  let size = Object.keys(out).length;
  for (const [k, v] of Object.entries(b)) {
    if (out[k] === undefined) {
      if (size >= cap) continue;
      size++;
      out[k] = 0;
    }
    out[k] = (out[k] as number) + v;
  }
  return out;
};

/** Adds tally `b` to tally `a` (a new object). */
export function addTallies(a: SourceTally, b: SourceTally): SourceTally {
  return {
    records: a.records + b.records,
    markers: a.markers + b.markers,
    scores: a.scores.map((c, i) => c + (b.scores[i] ?? 0)),
    pii: a.pii + b.pii,
    days: addRecord(a.days, b.days, Number.POSITIVE_INFINITY),
    labels: addRecord(a.labels, b.labels, MAX_SOURCE_LABELS),
  };
}

/**
 * Merges the source counts of consecutive parts (`b` follows `a`). Returns the merged counts and
 * the map from `b`'s source ids to the merged ids (-2: the overflow; -1 stays -1).
 */
export function mergeSources(
  a: SourceCounts,
  b: SourceCounts,
): { sources: SourceCounts; map: (id: number) => number } {
  const names = [...a.names];
  const tallies = [...a.tallies];
  const ids = new Map(names.map((n, i) => [n, i]));
  let overflow = addTallies(a.overflow, b.overflow);
  const mapped = b.names.map((name, i) => {
    const t = b.tallies[i] as SourceTally;
    let id = ids.get(name);
    if (id === undefined) {
      if (names.length >= MAX_SOURCES) {
        overflow = addTallies(overflow, t);
        return -2;
      }
      id = names.length;
      names.push(name);
      tallies.push(emptyTally());
      ids.set(name, id);
    }
    tallies[id] = addTallies(tallies[id] as SourceTally, t);
    return id;
  });
  return {
    sources: { names, tallies, overflow },
    map: (id) => (id < 0 ? id : (mapped[id] ?? -2)),
  };
}

/** A source value as a name: trimmed, a URL reduced to its host, at most 100 characters. */
export function sourceName(value: unknown): string {
  if (value === null || value === undefined) return NO_SOURCE;
  const s = (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
  if (s === '') return NO_SOURCE;
  if (/^https?:\/\//i.test(s)) {
    try {
      return new URL(s).host.toLowerCase();
    } catch {
      // not a URL after all
    }
  }
  return s.slice(0, 100);
}
