/** Input formats the analyzer reads. `text` is one record per line. */
export type InputFormat = 'jsonl' | 'json' | 'csv' | 'tsv' | 'text';

/** All formats, for validating user input. */
export const FORMATS: readonly InputFormat[] = ['jsonl', 'json', 'csv', 'tsv', 'text'];

const BY_EXTENSION: Record<string, InputFormat> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  txt: 'text',
  text: 'text',
  md: 'text',
};

/** True when the first non-blank line is a complete JSON object (JSON Lines content). */
function firstLineIsObject(head: string): boolean {
  const line = head.trimStart().split('\n', 1)[0] ?? '';
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** True when a file named as CSV or TSV was read as another format (a finding warns about it). */
export function misnamed(fileName: string | null | undefined, format: InputFormat): boolean {
  const ext = (fileName ?? '').toLowerCase().replace(/\.gz$/, '').split('.').pop() ?? '';
  const byName = BY_EXTENSION[ext];
  return (byName === 'csv' || byName === 'tsv') && format === 'jsonl';
}

/**
 * Chooses the format from the file name (".gz" ignored) and the first text of the file: a ".json"
 * file starting with "{" is read as JSON Lines, and so is a ".csv" or ".tsv" file whose first line
 * is a JSON object (the findings warn about the name); unknown names are sniffed from the content.
 */
export function detectFormat(fileName: string | undefined, head: string): InputFormat {
  const first = head.trimStart()[0];
  const ext = (fileName ?? '').toLowerCase().replace(/\.gz$/, '').split('.').pop() ?? '';
  const byName = BY_EXTENSION[ext];
  if (byName === 'json' && first === '{') return 'jsonl';
  if ((byName === 'csv' || byName === 'tsv') && first === '{' && firstLineIsObject(head)) {
    return 'jsonl';
  }
  if (byName) return byName;
  if (first === '[') return 'json';
  if (first === '{') return 'jsonl';
  const lines = head.split('\n', 3);
  const firstLine = lines[0] ?? '';
  if (
    firstLine.split('\t').length > 1 &&
    firstLine.split('\t').length === (lines[1] ?? '').split('\t').length
  )
    return 'tsv';
  if (firstLine.split(',').length > 1 && lines.length > 1) return 'csv';
  return 'text';
}
