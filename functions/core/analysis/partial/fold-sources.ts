import { LanguageHeap, languageKey, languageSalt, languageText } from '../languages/sample';
import {
  emptyTally,
  MAX_SOURCE_LABELS,
  MAX_SOURCES,
  type SourceTally,
  sourceName,
} from './sources';
import type { AnalysisPartial } from './types';

const RAW_CACHE = 10_000;

/**
 * The per-source and language part of the fold: which source the current record belongs to, its
 * tally, and the language sample. `Folder` calls `begin` once per record, then the counters.
 */
export class SourceFold {
  /** Source id of the current record (-1: no source field, -2: beyond `MAX_SOURCES`). */
  id = -1;
  /** The current record's tally, or null without a source field. */
  tally: SourceTally | null = null;
  private readonly ids = new Map<string, number>();
  /** Raw string values already seen → source id (skips normalizing the common case). */
  private readonly raw = new Map<string, number>();
  private readonly heap: LanguageHeap | null;
  private readonly salt: number;

  constructor(
    private readonly partial: AnalysisPartial,
    drawKey: string | undefined,
  ) {
    partial.sources?.names.forEach((name, i) => {
      this.ids.set(name, i);
    });
    const sample = partial.languages;
    if (sample && sample.entries.length === 0) sample.keyed = drawKey !== undefined;
    this.heap = sample ? new LanguageHeap(sample) : null;
    this.salt = languageSalt(drawKey);
  }

  /** Starts a record: finds (or numbers) its source and counts it. */
  begin(value: unknown): void {
    const s = this.partial.sources;
    if (!s) return;
    let id = typeof value === 'string' ? this.raw.get(value) : undefined;
    if (id === undefined) id = this.lookup(s, value);
    this.id = id;
    const t = id === -2 ? s.overflow : (s.tallies[id] as SourceTally);
    t.records++;
    this.tally = t;
  }

  private lookup(s: NonNullable<AnalysisPartial['sources']>, value: unknown): number {
    const name = sourceName(value);
    let id = this.ids.get(name);
    if (id === undefined) {
      if (s.names.length >= MAX_SOURCES) id = -2;
      else {
        id = s.names.length;
        s.names.push(name);
        s.tallies.push(emptyTally());
        this.ids.set(name, id);
      }
    }
    if (typeof value === 'string' && this.raw.size < RAW_CACHE) this.raw.set(value, id);
    return id;
  }

  /** The current record carries a machine-text marker. */
  marker(): void {
    if (this.tally) this.tally.markers++;
  }

  /** The current record's style-score bin (0 … SCORE_BINS - 1). */
  score(bin: number): void {
    const t = this.tally;
    if (t) t.scores[bin] = (t.scores[bin] as number) + 1;
  }

  /** The current record carries personal data. */
  pii(): void {
    if (this.tally) this.tally.pii++;
  }

  /** The current record's creation day. */
  day(day: number): void {
    const t = this.tally;
    if (t) t.days[day] = (t.days[day] ?? 0) + 1;
  }

  /** The current record's label. */
  label(label: string | null): void {
    const t = this.tally;
    if (!t || label === null) return;
    const c = t.labels[label];
    if (c !== undefined) t.labels[label] = c + 1;
    else if (Object.keys(t.labels).length < MAX_SOURCE_LABELS) t.labels[label] = 1;
  }

  /** Offers the current record to the language sample (`text` is read only when it is kept). */
  language(record: number, keyLo: number, keyHi: number, text: () => string): void {
    const heap = this.heap;
    if (!heap) return;
    const key = languageKey(keyLo, this.salt);
    if (!heap.wants(key, keyHi)) return;
    heap.offer({ key, tie: keyHi, record, source: this.id, text: languageText(text()) });
  }
}
