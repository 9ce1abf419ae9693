import { franc } from 'franc';
import { CANDIDATES, reportCode } from './codes';
import type { LanguageEntry } from './sample';

/**
 * Below this many characters a record in a script many languages share (Latin, Cyrillic, Arabic,
 * Devanagari) counts as undetermined: measured on ../shared/data, franc names English correctly
 * for 83.5 % of texts cut to ≤ 50 characters, 88.9 % at ≤ 60, 97.6 % at ≤ 120
 * (test/bench/languages-accuracy.ts).
 */
export const ABSTAIN_BELOW = 60;
/** Characters a record in a script of its own (Han, kana, Hangul, Thai, Greek…) needs. */
export const SCRIPT_MIN = 5;

// franc answers these from the script alone: reliable on short texts
const SCRIPT_LANGUAGES = new Set([
  'cmn',
  'jpn',
  'kor',
  'tha',
  'ell',
  'hye',
  'kat',
  'khm',
  'lao',
  'mya',
  'sin',
  'ben',
  'tel',
  'tam',
  'guj',
  'kan',
  'mal',
  'pan',
]);
const ONLY = [...CANDIDATES];

/** The language of one text, in report form (639-1 where one exists), or null: undetermined. */
export function detectLanguage(text: string): string | null {
  if (text.length < SCRIPT_MIN) return null;
  const iso3 = franc(text, { minLength: SCRIPT_MIN, only: ONLY });
  if (iso3 === 'und') return null;
  if (text.length < ABSTAIN_BELOW && !SCRIPT_LANGUAGES.has(iso3)) return null;
  return reportCode(iso3);
}

/** Languages measured on a sample: shares of the sampled records, largest first. */
export interface LanguageShares {
  detected: { language: string; share: number }[];
  undetermined: number;
}

/** Detected shares of a list of per-record results (null: undetermined). */
export function sharesOf(results: readonly (string | null)[]): LanguageShares {
  const n = results.length;
  const counts = new Map<string, number>();
  let und = 0;
  for (const r of results) {
    if (r === null) und++;
    else counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return {
    detected: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([language, c]) => ({ language, share: c / n })),
    undetermined: n ? und / n : 0,
  };
}

/** Runs the detector on every entry of a language sample; results in entry order. */
export function detectEntries(entries: readonly LanguageEntry[]): (string | null)[] {
  return entries.map((e) => detectLanguage(e.text));
}

/**
 * Half-width of a 95 % interval for a share `p` measured on `k` sampled records out of `n`
 * (normal approximation with the finite-population correction): 0 when every record was read.
 */
export function samplingError(p: number, k: number, n: number): number {
  if (k === 0 || k >= n) return 0;
  return 1.96 * Math.sqrt(((p * (1 - p)) / k) * ((n - k) / (n - 1)));
}
