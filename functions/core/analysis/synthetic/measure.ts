import { scanWords } from '../text/scan';
import { StyleState } from '../text/style';
import { WordBuffer } from '../text/word-buffer';
import { FEATURE_COUNT, measureStyle } from './features';

const words = new WordBuffer();
const style = new StyleState();

/** The style features of one text, tokenized exactly as the analyzer does (for fitting and tests). */
export function textFeatures(text: string): Float64Array {
  words.reset();
  style.reset();
  scanWords(text, words, style);
  const out = new Float64Array(FEATURE_COUNT);
  measureStyle(text, words.hashes, 0, words.n, style, out);
  return out;
}
