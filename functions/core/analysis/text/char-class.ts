/** Separator: ends a word. */
export const SEP = 0;
/** Lower-case letter (or any non-ASCII letter, digit or mark). */
export const WORD = 1;
/** ASCII upper-case letter, hashed as lower case. */
export const UPPER = 2;
/** Apostrophe: dropped inside words. */
export const APOS = 3;
/** ASCII digit. */
export const DIGIT = 4;

/** Class of each ASCII code unit. */
export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122) ASCII_CLASS[c] = WORD;
  else if (c >= 65 && c <= 90) ASCII_CLASS[c] = UPPER;
  else if (c >= 48 && c <= 57) ASCII_CLASS[c] = DIGIT;
  else if (c === 39) ASCII_CLASS[c] = APOS;
  else ASCII_CLASS[c] = SEP;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
// class + 1, so that 0 means "not computed yet"
const bmpClass = new Uint8Array(65536);
const bmpLower = new Uint16Array(65536);
const astralClass = new Map<number, number>();

function classify(ch: string): number {
  if (ch === '\u2019' || ch === '\u02bc') return APOS;
  return WORD_CHAR.test(ch) ? WORD : SEP;
}

/** Class of a non-ASCII BMP code unit (surrogates are SEP; callers combine pairs first). */
export function classOfBmp(c: number): number {
  const cached = bmpClass[c] as number;
  if (cached !== 0) return cached - 1;
  const cls = c >= 0xd800 && c <= 0xdfff ? SEP : classify(String.fromCharCode(c));
  bmpClass[c] = cls + 1;
  return cls;
}

/** Lower-case form of a BMP code unit (itself when lower-casing would change the length). */
export function lowerOfBmp(c: number): number {
  const cached = bmpLower[c] as number;
  if (cached !== 0) return cached;
  const lower = String.fromCharCode(c).toLowerCase();
  const result = lower.length === 1 ? lower.charCodeAt(0) : c;
  bmpLower[c] = result;
  return result;
}

/** Class of an astral code point (emoji are SEP, letters such as CJK extensions are WORD). */
export function classOfAstral(cp: number): number {
  let cls = astralClass.get(cp);
  if (cls === undefined) {
    cls = classify(String.fromCodePoint(cp));
    astralClass.set(cp, cls);
  }
  return cls;
}
