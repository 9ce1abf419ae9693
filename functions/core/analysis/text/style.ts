/** Model-free style cues of one text that the tokenizer collects at word boundaries. */
export interface StyleCues {
  /** Typing irregularities people make and language models rarely do (see `StyleState`). */
  irregular: boolean;
  /** A numbered or bulleted line. */
  list: boolean;
  /** Typographic quotes or apostrophes (pasted or word-processed text). */
  curly: boolean;
  /** 0: fewer than 3 sentences; 1: uniform sentence lengths (CV < 0.35); 2: varied. */
  rhythm: 0 | 1 | 2;
}

/** Sentences of at most this many words count as short. */
export const SHORT_SENTENCE = 6;
/** Sentences of at least this many words count as long. */
export const LONG_SENTENCE = 30;

/**
 * Accumulates style cues while `scanWords` tokenizes a text. Irregular: a sentence starting in lower
 * case, a space before punctuation, a double space between words, a missing space after punctuation
 * ("end.Next", "a,b"), or repeated punctuation ("!!", "??", "...", "…"). Also the sentence-length
 * distribution: count, sum, sum of squares, short and long sentences.
 */
export class StyleState {
  irregular = false;
  list = false;
  curly = false;
  sentences = 0;
  sum = 0;
  sumSq = 0;
  short = 0;
  long = 0;

  reset(): void {
    this.irregular = false;
    this.list = false;
    this.curly = false;
    this.sentences = 0;
    this.sum = 0;
    this.sumSq = 0;
    this.short = 0;
    this.long = 0;
  }

  /** Records one sentence of `words` words. */
  sentence(words: number): void {
    this.sentences++;
    this.sum += words;
    this.sumSq += words * words;
    if (words <= SHORT_SENTENCE) this.short++;
    if (words >= LONG_SENTENCE) this.long++;
  }

  /** Coefficient of variation of sentence lengths (0 with fewer than two sentences). */
  lengthCv(): number {
    if (this.sentences < 2) return 0;
    const mean = this.sum / this.sentences;
    return Math.sqrt(Math.max(0, this.sumSq / this.sentences - mean * mean)) / mean;
  }

  /** 0: fewer than 3 sentences; 1: sentence-length CV under 0.35; 2: more varied. */
  rhythm(): 0 | 1 | 2 {
    if (this.sentences < 3) return 0;
    return this.lengthCv() < 0.35 ? 1 : 2;
  }

  /** The cues of the text scanned since the last reset. */
  cues(): StyleCues {
    return { irregular: this.irregular, list: this.list, curly: this.curly, rhythm: this.rhythm() };
  }
}
