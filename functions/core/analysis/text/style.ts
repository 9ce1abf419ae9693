/** Model-free style cues of one text; combined into a pattern index for the mixture estimate. */
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

/** Number of distinct cue patterns (see `patternOf`). */
export const PATTERNS = 24;

/** Packs cues into 0..23: irregular + 2*list + 4*curly + 8*rhythm. */
export function patternOf(c: StyleCues): number {
  return (c.irregular ? 1 : 0) + (c.list ? 2 : 0) + (c.curly ? 4 : 0) + 8 * c.rhythm;
}

/**
 * Accumulates style cues while `scanWords` tokenizes a text. Irregular: a sentence starting in lower
 * case, a space before punctuation, a double space between words, a missing space after punctuation
 * ("end.Next", "a,b"), or repeated punctuation ("!!", "??", "...", "…").
 */
export class StyleState {
  irregular = false;
  list = false;
  curly = false;
  sentences = 0;
  sum = 0;
  sumSq = 0;

  reset(): void {
    this.irregular = false;
    this.list = false;
    this.curly = false;
    this.sentences = 0;
    this.sum = 0;
    this.sumSq = 0;
  }

  /** 0: fewer than 3 sentences; 1: sentence-length CV under 0.35; 2: more varied. */
  rhythm(): 0 | 1 | 2 {
    if (this.sentences < 3) return 0;
    const mean = this.sum / this.sentences;
    const cv = Math.sqrt(Math.max(0, this.sumSq / this.sentences - mean * mean)) / mean;
    return cv < 0.35 ? 1 : 2;
  }

  /** The cues of the text scanned since the last reset. */
  cues(): StyleCues {
    return { irregular: this.irregular, list: this.list, curly: this.curly, rhythm: this.rhythm() };
  }

  /** `patternOf(this.cues())` without allocating. */
  pattern(): number {
    return (
      (this.irregular ? 1 : 0) + (this.list ? 2 : 0) + (this.curly ? 4 : 0) + 8 * this.rhythm()
    );
  }
}
