import { AnalysisInputError } from '../errors';
import { listFieldPaths } from './check';
import { compilePath, isPresent } from './path';

/** Most example values shown per field, and their length in characters. */
const EXAMPLES = 3;
const EXAMPLE_CHARS = 80;
/** A field whose values average at least this many characters could hold running text. */
const TEXT_CHARS = 20;

/** One field of a file as a person choosing a mapping sees it. */
export interface FieldChoice {
  /** The field's path ("body", "meta.lang"). */
  path: string;
  /** Share of the records read that hold a value there, in [0, 1]. */
  present: number;
  /** True when its values are strings long enough to be the text. */
  textLike: boolean;
  /** A few distinct values, cut to 80 characters: the vendor's data, to be shown as plain text only. */
  examples: string[];
}

const shown = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > EXAMPLE_CHARS ? `${s.slice(0, EXAMPLE_CHARS - 1)}…` : s;
};

/** The fields of `records` (the head of a file), with presence, a text-like flag and examples. */
export function fieldChoices(records: readonly unknown[]): FieldChoice[] {
  const n = Math.max(1, records.length);
  return listFieldPaths(records).map((path) => {
    const get = compilePath(path);
    let present = 0;
    let strings = 0;
    let chars = 0;
    let spaced = 0;
    const examples = new Set<string>();
    for (const r of records) {
      const v = get(r);
      if (!isPresent(v) || (typeof v === 'object' && v !== null)) continue;
      present++;
      if (typeof v === 'string') {
        strings++;
        chars += v.length;
        if (/\S\s+\S/.test(v)) spaced++;
      }
      if (examples.size < EXAMPLES) examples.add(shown(v));
    }
    // running text: long on average and mostly several words (an id or URL is one long token)
    const textLike =
      strings >= n / 2 && chars / Math.max(1, strings) >= TEXT_CHARS && spaced >= strings / 2;
    return { path, present: present / n, textLike, examples: [...examples] };
  });
}

/** The fields that could each be the text (strings in half the records or more, long on average). */
export function textCandidates(records: readonly unknown[]): string[] {
  return fieldChoices(records)
    .filter((f) => f.textLike)
    .map((f) => f.path);
}

/**
 * Several fields could hold the text and none was named: reading one silently (a prompt column
 * instead of the answers) would calibrate against the wrong text. `candidates` are the fields.
 */
export class AmbiguousTextFieldError extends AnalysisInputError {
  readonly candidates: string[];

  constructor(candidates: string[], fileName?: string) {
    const where = fileName ? `"${fileName}"` : 'the file';
    super(
      `${where} has several fields that could hold the text (${candidates.join(', ')}); name the one to read as the text field (for example "${candidates[0]}") and analyze it again.`,
    );
    this.name = 'AmbiguousTextFieldError';
    this.candidates = candidates;
  }
}

/** Throws AmbiguousTextFieldError when no text field was named and several could be it. */
export function requireTextChoice(
  records: readonly unknown[],
  named: string | string[] | undefined,
  fileName?: string,
): void {
  if (named !== undefined && named.length > 0) return;
  const candidates = textCandidates(records);
  if (candidates.length > 1) throw new AmbiguousTextFieldError(candidates, fileName);
}
