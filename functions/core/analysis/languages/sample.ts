import { createHmac } from 'node:crypto';
import { fmix32 } from '../hash/mix';

/** Records whose language is detected: the `LANGUAGE_SAMPLE` lowest keys of the sample. */
export const LANGUAGE_SAMPLE = 1000;
/** Characters of a record's text kept for detection (franc reads at most 2,048). */
export const LANGUAGE_TEXT = 200;
const UNKEYED_SALT = 0x1a2b_6e57;

/** One record of the language sample: its sampling key, record index, source id and text head. */
export interface LanguageEntry {
  key: number;
  tie: number;
  record: number;
  /** Source id in `AnalysisPartial.sources` (-1: no source field, -2: beyond the source cap). */
  source: number;
  text: string;
}

/** The keyed bounded sample of records whose language the analysis detects (at finalize). */
export interface LanguageSample {
  /** Bottom-k by (key, tie, record); order within the array is not meaningful. */
  entries: LanguageEntry[];
  /** Whether the sampling key came from the sample's secret draw key (else a fixed salt). */
  keyed: boolean;
}

/**
 * The salt of the language sample's keys: HMAC-SHA256 of the per-sample spot-check secret under a
 * label of its own (so knowing one derived key reveals nothing about the others), or a fixed salt
 * when the analysis has no secret (the CLI without `--seed`).
 */
export function languageSalt(drawKey: string | undefined): number {
  if (!drawKey) return UNKEYED_SALT;
  return createHmac('sha256', drawKey).update('diligence/language-sample').digest().readInt32LE(0);
}

const cmp = (a: LanguageEntry, b: LanguageEntry) =>
  a.key - b.key || a.tie - b.tie || a.record - b.record;

/** The entries of a sample in canonical (ascending) order, for serialization. */
export const sortedLanguageEntries = (entries: readonly LanguageEntry[]): LanguageEntry[] =>
  [...entries].sort(cmp);

/** The sampling key of a record's text key: unsigned, the same for equal texts. */
export const languageKey = (keyLo: number, salt: number): number => fmix32(keyLo ^ salt) >>> 0;

/** Keeps the bottom `LANGUAGE_SAMPLE` records as a max-heap; `wants` is O(1) once full. */
export class LanguageHeap {
  constructor(readonly sample: LanguageSample) {
    sample.entries.sort((a, b) => cmp(b, a));
  }

  /** Whether a record with this key would be kept (call before cutting its text). */
  wants(key: number, tie: number): boolean {
    const heap = this.sample.entries;
    const top = heap[0];
    return (
      heap.length < LANGUAGE_SAMPLE || !top || key < top.key || (key === top.key && tie < top.tie)
    );
  }

  offer(entry: LanguageEntry): void {
    const heap = this.sample.entries;
    if (heap.length >= LANGUAGE_SAMPLE) {
      heap[0] = entry;
      siftDown(heap, 0);
      return;
    }
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (cmp(heap[parent] as LanguageEntry, heap[i] as LanguageEntry) >= 0) break;
      [heap[parent], heap[i]] = [heap[i] as LanguageEntry, heap[parent] as LanguageEntry];
      i = parent;
    }
  }
}

function siftDown(heap: LanguageEntry[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && cmp(heap[l] as LanguageEntry, heap[m] as LanguageEntry) > 0) m = l;
    if (r < heap.length && cmp(heap[r] as LanguageEntry, heap[m] as LanguageEntry) > 0) m = r;
    if (m === i) return;
    [heap[m], heap[i]] = [heap[i] as LanguageEntry, heap[m] as LanguageEntry];
    i = m;
  }
}

/** The first `LANGUAGE_TEXT` characters of a text, whitespace collapsed. */
export const languageText = (text: string): string =>
  text
    .slice(0, LANGUAGE_TEXT * 2)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, LANGUAGE_TEXT);

/**
 * Merges the samples of consecutive parts (`b` follows `a`, its records shifted by `offset`,
 * its source ids mapped through `sourceMap`): the bottom-k of the union, equal to one pass.
 */
export function mergeLanguageSamples(
  a: LanguageSample | undefined,
  b: LanguageSample | undefined,
  offset: number,
  sourceMap: (id: number) => number,
): LanguageSample | undefined {
  if (!a || !b) return undefined;
  const all = [
    ...a.entries,
    ...b.entries.map((e) => ({ ...e, record: e.record + offset, source: sourceMap(e.source) })),
  ];
  all.sort(cmp);
  return { entries: all.slice(0, LANGUAGE_SAMPLE), keyed: a.keyed && b.keyed };
}
