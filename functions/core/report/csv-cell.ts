import { stringify } from 'csv-stringify/sync';

/** What a spreadsheet reads as the start of a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A formula start right after a line break inside a cell (a bare-LF reader starts a row there). */
const FORMULA_AFTER_BREAK = /([\r\n])(?=[=+\-@\t\r])/g;

/**
 * A cell a spreadsheet will not run as a formula: text starting with = + - @, tab or carriage
 * return gets a leading apostrophe (OWASP's advice), and so does the text after every CR or LF
 * inside it, since many tools split rows on a bare line break. Numbers stay numbers.
 */
export function safeCell(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const inner = text.replace(FORMULA_AFTER_BREAK, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/**
 * CSV text (RFC 4180, CRLF, header row) with every cell neutralized and every cell holding a CR
 * or LF quoted. The one CSV writer: every export goes through it.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify(
    [header, ...rows].map((r) => r.map(safeCell)),
    {
      record_delimiter: '\r\n',
      quoted_match: /[\r\n]/,
    },
  );
}
