/** Model-free style cues of one text; combined into a pattern index for the mixture estimate. */
export interface StyleCues {
  /** Typing irregularities people make and language models rarely do (see `styleCues`). */
  irregular: boolean;
  /** A numbered or bulleted line. */
  list: boolean;
  /** Typographic quotes or apostrophes (pasted or word-processed text). */
  curly: boolean;
  /** 0: fewer than 3 sentences; 1: uniform sentence lengths (CV < 0.35); 2: varied. */
  rhythm: 0 | 1 | 2;
}

/** Number of distinct cue patterns (see `patternOf`). */
export const PATTERNS = 24;

/** Packs cues into 0..23: irregular + 2*list + 4*curly + 8*rhythm. */
export function patternOf(c: StyleCues): number {
  return (c.irregular ? 1 : 0) + (c.list ? 2 : 0) + (c.curly ? 4 : 0) + 8 * c.rhythm;
}

const ABBREVIATIONS = new Set(['etc', 'vs', 'approx', 'incl', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'fig', 'cf', 'al', 'jr', 'sr']);

const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) => isLower(c) || isUpper(c) || isDigit(c) || (c >= 0xc0 && c !== 0x2019 && c < 0x2000);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const isTerminator = (c: number) => c === 46 || c === 33 || c === 63;

/**
 * Scans a text once for style cues. Irregular: a sentence starting in lower case, a space before
 * punctuation, a double space between words, a missing space after punctuation ("end.Next", "a,b"),
 * or repeated punctuation ("!!", "??", "...", "…"). Abbreviations like "e.g." do not end sentences.
 */
export function styleCues(text: string): StyleCues {
  const len = text.length;
  let irregular = false;
  let list = false;
  let curly = false;
  let sentences = 0;
  let sum = 0;
  let sumSq = 0;
  let sentWords = 0;
  let inWord = false;
  let wordStart = 0;
  let expectStart = true;
  let lineState = 0;
  let spaceRun = 0;
  let runAfterText = false;
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (inWord && c >= 97 && c <= 122 && lineState === 4) {
      prev2 = prev;
      prev = c;
      continue;
    }
    if (lineState < 4) {
      // list markers ("1.", "2)", "-", "*", "•") at line starts are skipped, not counted as words
      let marker = true;
      let completed = false;
      if (lineState === 0) {
        if (isDigit(c)) lineState = 1;
        else if (c === 45 || c === 42 || c === 0x2022) lineState = 3;
        else if (c === 32 || c === 9 || c === 10 || c === 13) marker = false;
        else lineState = 4;
      } else if (lineState === 1) {
        if (c === 46 || c === 41) lineState = 2;
        else if (!isDigit(c)) lineState = 4;
      } else {
        if (c === 32) {
          list = true;
          completed = true;
        }
        lineState = 4;
      }
      if (marker && (lineState < 4 || completed)) {
        prev2 = prev;
        prev = completed ? 32 : c;
        continue;
      }
    }
    if (c >= 0x2018 && c <= 0x201d && c !== 0x201a && c !== 0x201b) curly = true;
    if (isWordChar(c)) {
      if (!inWord) {
        inWord = true;
        wordStart = i;
        sentWords++;
      }
      if (expectStart) {
        if (isLower(c)) irregular = true;
        expectStart = false;
      }
      if (spaceRun >= 2 && runAfterText) irregular = true;
      if (isTerminator(prev) && isLower(prev2) && isUpper(c)) irregular = true;
      if (prev === 44 && (isLower(prev2) || isUpper(prev2)) && (isLower(c) || isUpper(c))) irregular = true;
      spaceRun = 0;
    } else if (c === 39 && inWord) {
      // an apostrophe inside a word keeps the word going
    } else {
      const wasInWord = inWord;
      inWord = false;
      if (c === 10 || c === 13) {
        if (sentWords > 0) {
          sentences++;
          sum += sentWords;
          sumSq += sentWords * sentWords;
          sentWords = 0;
        }
        lineState = 0;
        spaceRun = 0;
        runAfterText = false;
      } else if (c === 32 || c === 9) {
        if (spaceRun === 0) runAfterText = prev !== 0 && !isSpace(prev);
        spaceRun++;
        if (isTerminator(prev) && sentWords > 0) {
          sentences++;
          sum += sentWords;
          sumSq += sentWords * sentWords;
          sentWords = 0;
          expectStart = true;
        }
      } else {
        if (spaceRun >= 2 && runAfterText) irregular = true;
        spaceRun = 0;
        if ((c === 33 || c === 63) && (prev === 33 || prev === 63)) irregular = true;
        if (c === 46 && prev === 46 && prev2 === 46) irregular = true;
        if (c === 0x2026) irregular = true;
        if ((c === 44 || isTerminator(c) || c === 58 || c === 59) && prev === 32 && isWordChar(prev2)) {
          const next = i + 1 < len ? text.charCodeAt(i + 1) : 32;
          if (isSpace(next)) irregular = true;
        }
        if (c === 46 && wasInWord && isAbbreviation(text, wordStart, i)) {
          prev2 = prev;
          prev = 0;
          continue;
        }
      }
    }
    prev2 = prev;
    prev = c;
  }
  if (sentWords > 0) {
    sentences++;
    sum += sentWords;
    sumSq += sentWords * sentWords;
  }
  let rhythm: 0 | 1 | 2 = 0;
  if (sentences >= 3) {
    const mean = sum / sentences;
    const cv = Math.sqrt(Math.max(0, sumSq / sentences - mean * mean)) / mean;
    rhythm = cv < 0.35 ? 1 : 2;
  }
  return { irregular, list, curly, rhythm };
}

function isAbbreviation(text: string, start: number, end: number): boolean {
  if (end - start === 1) return start > 0 && text.charCodeAt(start - 1) === 46;
  if (end - start > 6) return false;
  return ABBREVIATIONS.has(text.slice(start, end).toLowerCase());
}
