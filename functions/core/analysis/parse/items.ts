/** One parsed row: a record, or a row that could not be read (with its 1-based line). */
export type RawItem =
  | { line: number; value: unknown; error?: undefined }
  | { line: number; error: string; value?: undefined };

/** Lines seen by a parser; the fold stores it so merged partials can shift line numbers. */
export interface ParseState {
  lines: number;
}

/** Wraps a parsed JSON value as a record: objects as they are, strings as { text }, others rejected. */
export function asRecord(value: unknown, line: number): RawItem {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { line, value };
  if (typeof value === 'string') return { line, value: { text: value } };
  return {
    line,
    error: `expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}`,
  };
}

/** "invalid JSON: <parser message>" for a JSON.parse failure. */
export function jsonError(e: unknown): string {
  return `invalid JSON: ${(e as Error).message}`;
}
