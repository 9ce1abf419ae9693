import type { StyleState } from '../text/style';
import { GROUP_NAMES, GROUP_OF, PHRASE_PAIRS, pairKey } from './word-groups';

const CHAR_FEATURES = [
  'commas',
  'semicolons',
  'colons',
  'exclamations',
  'questionMarks',
  'parentheses',
  'straightQuotes',
  'dashes',
  'spacedHyphens',
  'ellipses',
  'digits',
  'upperLetters',
  'newlines',
  'contractions',
  'allCapsWords',
  'markdown',
] as const;

/**
 * The style model's inputs, in order. Rates are per word (per letter for `upperLetters`). Nothing
 * here measures vocabulary sophistication (no word length, no type-token ratio): those cues flag
 * non-native writers as machines.
 */
export const FEATURE_NAMES: readonly string[] = [
  'logWords',
  'logMeanSentence',
  'sentenceCv',
  'shortSentences',
  'longSentences',
  'singleSentence',
  'irregular',
  'list',
  'curly',
  ...CHAR_FEATURES,
  'paragraphs',
  'listLines',
  'colonLineEnd',
  'endsWithTerminator',
  'lowercaseI',
  'phrasePairs',
  ...GROUP_NAMES.map((g) => `words.${g}`),
];

/** Number of features. */
export const FEATURE_COUNT = FEATURE_NAMES.length;
const CHAR0 = 9;
const PARA = CHAR0 + CHAR_FEATURES.length;
const GROUP0 = PARA + 6;
const counts = new Float64Array(CHAR_FEATURES.length);

const bump = (k: number) => {
  counts[k] = (counts[k] as number) + 1;
};

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const LIST_NUMBER = /^\d{1,3}[.)] /;

// One pass over the characters: punctuation, layout and capitalization habits.
function characterCues(text: string, out: Float64Array): number {
  counts.fill(0);
  let letters = 0;
  let paragraphs = 0;
  let lines = 0;
  let listLines = 0;
  let colonEnd = 0;
  let lowerI = 0;
  let lineStart = true;
  let blank = true;
  let inParagraph = false;
  let capsRun = 0;
  let lastNonSpace = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c)) {
      letters++;
      capsRun = -1000;
    } else if (isUpper(c)) {
      letters++;
      bump(11);
      capsRun++;
    } else {
      if (capsRun >= 2) bump(14);
      capsRun = 0;
    }
    if (c === 10) {
      bump(12);
      if (blank) inParagraph = false;
      else lines++;
      if (lastNonSpace === 58) colonEnd = 1;
      lineStart = true;
      blank = true;
      continue;
    }
    if (c !== 32 && c !== 9 && c !== 13) {
      if (blank) {
        blank = false;
        if (!inParagraph) paragraphs++;
        inParagraph = true;
        if (
          c === 45 ||
          c === 42 ||
          c === 0x2022 ||
          (isDigit(c) && LIST_NUMBER.test(text.slice(i, i + 5)))
        )
          listLines++;
      }
      lastNonSpace = c;
    }
    lineStart = false;
    switch (c) {
      case 44:
        bump(0);
        break;
      case 59:
        bump(1);
        break;
      case 58:
        bump(2);
        break;
      case 33:
        bump(3);
        break;
      case 63:
        bump(4);
        break;
      case 40:
        bump(5);
        break;
      case 34:
        bump(6);
        break;
      case 0x2014:
      case 0x2013:
        bump(7);
        break;
      case 45:
        if (text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) bump(8);
        break;
      case 0x2026:
        bump(9);
        break;
      case 46:
        if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) bump(9);
        break;
      case 39:
      case 0x2019:
        if (isLower(text.charCodeAt(i - 1)) && isLower(text.charCodeAt(i + 1))) bump(13);
        break;
      case 35:
      case 95:
        if (lineStart || text.charCodeAt(i + 1) === c) bump(15);
        break;
      case 105:
        if (!isLetterAt(text, i - 1) && !isLetterAt(text, i + 1) && text.charCodeAt(i + 1) !== 46)
          lowerI++;
        break;
      default:
        if (isDigit(c)) bump(10);
    }
    if (c === 42 && text.charCodeAt(i + 1) === 42) bump(15);
  }
  if (capsRun >= 2) bump(14);
  if (!blank) lines++;
  if (lastNonSpace === 58) colonEnd = 1;
  out[PARA] = Math.log1p(Math.max(1, paragraphs));
  out[PARA + 1] = lines ? listLines / lines : 0;
  out[PARA + 2] = colonEnd;
  out[PARA + 3] = lastNonSpace === 46 || lastNonSpace === 33 || lastNonSpace === 63 ? 1 : 0;
  out[PARA + 4] = lowerI > 0 ? 1 : 0;
  return letters;
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isLower(c) || isUpper(c) || c === 39 || c === 0x2019;
}

/**
 * Measures the style features of one text into `out` (length `FEATURE_COUNT`): `hashes[from..to)`
 * are its word hashes and `style` the cues `scanWords` collected for it.
 */
export function measureStyle(
  text: string,
  hashes: Int32Array,
  from: number,
  to: number,
  style: StyleState,
  out: Float64Array,
): void {
  const words = Math.max(1, to - from);
  out.fill(0);
  out[0] = Math.log1p(words);
  out[1] = style.sentences ? Math.log1p(style.sum / style.sentences) : Math.log1p(words);
  out[2] = style.lengthCv();
  out[3] = style.sentences ? style.short / style.sentences : 0;
  out[4] = style.sentences ? style.long / style.sentences : 0;
  out[5] = style.sentences <= 1 ? 1 : 0;
  out[6] = style.irregular ? 1 : 0;
  out[7] = style.list ? 1 : 0;
  out[8] = style.curly ? 1 : 0;
  const letters = characterCues(text, out);
  for (let k = 0; k < CHAR_FEATURES.length; k++) out[CHAR0 + k] = (counts[k] as number) / words;
  out[CHAR0 + 11] = letters ? (counts[11] as number) / letters : 0;
  let pairs = 0;
  let prev = 0;
  for (let i = from; i < to; i++) {
    const h = hashes[i] as number;
    const mask = GROUP_OF.get(h);
    if (mask !== undefined) {
      for (let g = 0; g < GROUP_NAMES.length; g++)
        if (mask & (1 << g)) out[GROUP0 + g] = (out[GROUP0 + g] as number) + 1;
    }
    if (i > from && PHRASE_PAIRS.has(pairKey(prev, h))) pairs++;
    prev = h;
  }
  out[PARA + 5] = pairs / words;
  for (let g = 0; g < GROUP_NAMES.length; g++)
    out[GROUP0 + g] = (out[GROUP0 + g] as number) / words;
}
