import type { StyleState } from './style';

// Words of up to six letters packed 5 bits per letter, so the lookup allocates nothing.
function packWord(text: string, start: number, end: number): number {
  let k = 0;
  for (let i = start; i < end; i++) k = k * 32 + ((text.charCodeAt(i) | 32) - 96);
  return k;
}
const ABBREVIATIONS = new Set(
  [
    'etc',
    'vs',
    'approx',
    'incl',
    'mr',
    'mrs',
    'ms',
    'dr',
    'st',
    'no',
    'fig',
    'cf',
    'al',
    'jr',
    'sr',
  ].map((w) => packWord(w, 0, w.length)),
);

/** True for ASCII a-z. */
export const isLower = (c: number) => c >= 97 && c <= 122;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
/** True for '.', '!' and '?'. */
export const isTerminator = (c: number) => c === 46 || c === 33 || c === 63;
const isWordish = (c: number) => isLetter(c) || isDigit(c) || (c >= 0xc0 && c < 0x2000);

/**
 * Boundary-level style tracking for `scanWords`: it is called at word starts and separators only,
 * so the per-character fast path of the tokenizer stays free of style work.
 */
export class StyleTracker {
  private s: StyleState | null = null;
  private text = '';
  private sentWords = 0;
  private expectStart = true;
  private spaceRun = 0;
  private runAfterText = false;
  private skipUntil = -1;
  private abbrevAt = -2;

  begin(state: StyleState, text: string): void {
    this.s = state;
    this.text = text;
    this.sentWords = 0;
    this.expectStart = true;
    this.spaceRun = 0;
    this.runAfterText = false;
    this.skipUntil = -1;
    this.abbrevAt = -2;
    this.lineStart(0);
  }

  /** A word starts with character `c` at index `i`. */
  wordStart(c: number, i: number): void {
    const s = this.s as StyleState;
    if (i < this.skipUntil) return;
    this.sentWords++;
    if (this.expectStart) {
      if (isLower(c)) s.irregular = true;
      this.expectStart = false;
    }
    if (this.spaceRun >= 2 && this.runAfterText) s.irregular = true;
    this.spaceRun = 0;
    const p = this.text.charCodeAt(i - 1);
    const p2 = this.text.charCodeAt(i - 2);
    if (isTerminator(p) && isLower(p2) && c >= 65 && c <= 90) s.irregular = true;
    if (p === 44 && isLetter(p2) && isLetter(c)) s.irregular = true;
  }

  /** A separator `c` (not a word character) at index `i`; the common "word, space" case is inlined. */
  separator(c: number, i: number): void {
    if (
      c === 32 &&
      this.spaceRun === 0 &&
      i >= this.skipUntil &&
      isLower(this.text.charCodeAt(i - 1))
    ) {
      this.spaceRun = 1;
      this.runAfterText = true;
      return;
    }
    this.otherSeparator(c, i);
  }

  private otherSeparator(c: number, i: number): void {
    const s = this.s as StyleState;
    const text = this.text;
    if (c === 10 || c === 13) {
      this.endSentence();
      this.spaceRun = 0;
      this.runAfterText = false;
      this.lineStart(i + 1);
      return;
    }
    if (i < this.skipUntil) return;
    const p = text.charCodeAt(i - 1);
    if (c === 32 || c === 9) {
      if (this.spaceRun === 0) this.runAfterText = i > 0 && !isSpace(p);
      this.spaceRun++;
      if (isTerminator(p) && this.abbrevAt !== i - 1 && this.sentWords > 0) {
        this.endSentence();
        this.expectStart = true;
      }
      return;
    }
    if (this.spaceRun >= 2 && this.runAfterText) s.irregular = true;
    this.spaceRun = 0;
    const p2 = text.charCodeAt(i - 2);
    if ((c === 33 || c === 63) && (p === 33 || p === 63)) s.irregular = true;
    else if (c === 46 && p === 46 && p2 === 46) s.irregular = true;
    else if ((c === 44 || isTerminator(c) || c === 58 || c === 59) && p === 32 && isWordish(p2)) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
      if (isSpace(next)) s.irregular = true;
    }
    if (c === 46 && isWordish(p) && this.isAbbreviation(i)) this.abbrevAt = i;
    if (c >= 0x2018 && c <= 0x201d && c !== 0x201a && c !== 0x201b) s.curly = true;
  }

  /** A curly apostrophe inside a word. */
  curly(): void {
    (this.s as StyleState).curly = true;
  }

  end(): void {
    this.endSentence();
    this.s = null;
    this.text = '';
  }

  private endSentence(): void {
    const s = this.s as StyleState;
    const w = this.sentWords;
    if (w > 0) s.sentence(w);
    this.sentWords = 0;
  }

  // "1. ", "2) ", "- ", "* ", "• " at a line start mark a list; numbers there are not words.
  private lineStart(from: number): void {
    const text = this.text;
    let i = from;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    const c = text.charCodeAt(i);
    if ((c === 45 || c === 42 || c === 0x2022) && text.charCodeAt(i + 1) === 32) {
      (this.s as StyleState).list = true;
      this.skipUntil = i + 2;
      return;
    }
    let j = i;
    while (isDigit(text.charCodeAt(j))) j++;
    const after = text.charCodeAt(j);
    if (j > i && j - i <= 3 && (after === 46 || after === 41) && text.charCodeAt(j + 1) === 32) {
      (this.s as StyleState).list = true;
      this.skipUntil = j + 2;
    }
  }

  private isAbbreviation(dot: number): boolean {
    const text = this.text;
    let start = dot;
    while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
    const len = dot - start;
    if (len === 1) return start > 0 && text.charCodeAt(start - 1) === 46;
    if (len === 0 || len > 6) return false;
    return ABBREVIATIONS.has(packWord(text, start, dot));
  }
}
