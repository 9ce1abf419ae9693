import { createReadStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { corpusTexts, foldSource } from '../../functions/core/analysis';
import { normalizeText } from '../../functions/core/analysis/text/scan';

/** The shared public data folder (absent in a user's clone: the suite then says it was skipped). */
export const DATA = resolve('../shared/data');

/** JSON Lines records of a shared data file. */
export const jsonl = (name: string): Record<string, unknown>[] =>
  readFileSync(join(DATA, name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** Every record text of a shared data file, read by the analyzer's own reader. */
export async function texts(name: string): Promise<string[]> {
  const out: string[] = [];
  for await (const t of corpusTexts(createReadStream(join(DATA, name)), { fileName: name }))
    out.push(t);
  return out;
}

/** Folds texts as a JSON Lines sample `{ text }`. */
export const foldTexts = (list: string[]) =>
  foldSource(
    Readable.from([Buffer.from(`${list.map((t) => JSON.stringify({ text: t })).join('\n')}\n`)]),
    { fileName: 'sample.jsonl', fields: { text: 'text' } },
  );

const words = (t: string) => normalizeText(t).split(' ').filter(Boolean);
function shingles(w: string[]): Set<string> {
  const out = new Set<string>();
  if (w.length < 5) {
    const s = w.join(' ');
    for (let i = 0; i + 5 <= Math.max(5, s.length); i++) out.add(s.slice(i, i + 5));
  } else for (let i = 0; i + 5 <= w.length; i++) out.add(w.slice(i, i + 5).join(' '));
  return out;
}

/**
 * Ground truth for a flagged sample text, computed exactly (no hashing): whether it equals a pack
 * text after normalization, has a true Jaccard ≥ 0.7 with one, or contains one of its 13-grams.
 * A flagged record without such an overlap is a false match.
 */
export function trulyOverlaps(text: string, pack: string[]): boolean {
  const w = words(text);
  const joined = ` ${w.join(' ')} `;
  const mine = shingles(w);
  for (const p of pack) {
    const pw = words(p);
    if (pw.join(' ') === w.join(' ')) return true;
    const theirs = shingles(pw);
    let inter = 0;
    for (const s of mine) if (theirs.has(s)) inter++;
    if (inter / (mine.size + theirs.size - inter) >= 0.7) return true;
    for (let i = 0; i + 13 <= pw.length; i++)
      if (joined.includes(` ${pw.slice(i, i + 13).join(' ')} `)) return true;
  }
  return false;
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Re-cases and re-spaces a text: upper-cases every other word, doubles spaces, adds line breaks. */
export function recase(text: string): string {
  return text
    .split(/\s+/)
    .map((w, i) => (i % 2 ? w.toUpperCase() : w.toLowerCase()))
    .join('  \n ');
}

/** Replaces one word in the middle of a text. */
export function changeOneWord(text: string): string {
  const w = text.split(' ');
  w[Math.floor(w.length / 2)] = 'zebracorn';
  return w.join(' ');
}
