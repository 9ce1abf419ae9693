import { fmix32 } from '../hash/mix';
import {
  APOS,
  ASCII_CLASS,
  classOfAstral,
  classOfBmp,
  DIGIT,
  lowerOfBmp,
  SEP,
  UPPER,
} from './char-class';
import type { StyleState } from './style';
import { StyleTracker } from './style-scan';
import type { WordBuffer } from './word-buffer';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const tracker = new StyleTracker();

function hashCodePoint(h: number, cp: number): number {
  if (cp < 0x80) return Math.imul(h ^ cp, FNV_PRIME);
  if (cp < 0x800) {
    h = Math.imul(h ^ (0xc0 | (cp >> 6)), FNV_PRIME);
  } else if (cp < 0x10000) {
    h = Math.imul(h ^ (0xe0 | (cp >> 12)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | ((cp >> 6) & 63)), FNV_PRIME);
  } else {
    h = Math.imul(h ^ (0xf0 | (cp >> 18)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | ((cp >> 12) & 63)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | ((cp >> 6) & 63)), FNV_PRIME);
  }
  return Math.imul(h ^ (0x80 | (cp & 63)), FNV_PRIME);
}

/**
 * Normalizes `input` (NFKC, lower case, punctuation and whitespace dropped) and appends one hash per
 * word to `out`: FNV-1a over the word's UTF-8 bytes, finalized with fmix32. Apostrophes inside words
 * are dropped ("don't" = "dont"). Pure ASCII text skips NFKC, which would not change it. With
 * `style`, also collects style cues at word boundaries (the per-character path stays the same).
 */
export function scanWords(input: string, out: WordBuffer, style: StyleState | null = null): void {
  let text = input;
  let len = text.length;
  const start = out.n;
  out.ensure((len >> 1) + 2);
  let hashes = out.hashes;
  let n = start;
  let h = FNV_OFFSET;
  let inWord = false;
  let normalized = false;
  let digits = 0;
  let at = 0;
  const styled = style !== null;
  if (styled) tracker.begin(style, text);
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      if (!inWord) {
        h = FNV_OFFSET;
        inWord = true;
        if (styled) tracker.wordStart(c, i);
      }
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    if (c < 128) {
      const cls = ASCII_CLASS[c] as number;
      if (cls === SEP) {
        if (inWord) {
          hashes[n++] = fmix32(h);
          inWord = false;
        }
        if (c === 64) at++;
        if (styled) tracker.separator(c, i);
        continue;
      }
      if (cls === APOS) {
        if (styled && !inWord) tracker.separator(c, i);
        continue;
      }
      if (!inWord) {
        h = FNV_OFFSET;
        inWord = true;
        if (styled) tracker.wordStart(c, i);
      }
      if (cls === DIGIT) digits++;
      h = Math.imul(h ^ (cls === UPPER ? c + 32 : c), FNV_PRIME);
      continue;
    }
    if (!normalized) {
      normalized = true;
      const nfkc = text.normalize('NFKC');
      if (nfkc !== text) {
        text = nfkc;
        len = nfkc.length;
        out.ensure((len >> 1) + 2 - (n - start));
        hashes = out.hashes;
        n = start;
        inWord = false;
        digits = 0;
        at = 0;
        if (styled) {
          style.reset();
          tracker.begin(style, text);
        }
        i = -1;
        continue;
      }
    }
    let cp = c;
    let cls: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      cp = text.codePointAt(i) as number;
      cls = classOfAstral(cp);
      if (cls !== SEP) {
        if (!inWord && styled) tracker.wordStart(c, i);
      } else if (styled) tracker.separator(c, i);
      i++;
    } else {
      cls = classOfBmp(c);
      if (cls === SEP) {
        if (styled) tracker.separator(c, i);
      } else if (cls === APOS) {
        if (styled) {
          tracker.curly();
          if (!inWord) tracker.separator(c, i);
        }
      } else {
        if (!inWord && styled) tracker.wordStart(c, i);
        cp = lowerOfBmp(c);
      }
    }
    if (cls === SEP) {
      if (inWord) {
        hashes[n++] = fmix32(h);
        inWord = false;
      }
      continue;
    }
    if (cls === APOS) continue;
    if (!inWord) {
      h = FNV_OFFSET;
      inWord = true;
    }
    h = hashCodePoint(h, cp);
  }
  if (inWord) hashes[n++] = fmix32(h);
  if (styled) tracker.end();
  out.n = n;
  out.digits += digits;
  out.at += at;
}

/** The normalized form that exact-duplicate detection compares: NFKC, lower case, words joined by one space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2019\u02bc]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}
