import { stringify } from 'csv-stringify/sync';
import type { ScoredReport } from '../scoring';
import type { Labels } from './labels';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run as a formula: text starting with = + - @, tab or carriage
 * return gets a leading apostrophe (OWASP's advice). Numbers stay numbers.
 */
export function safeCell(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV text (RFC 4180, CRLF, header row) with every cell neutralized. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows.map((r) => r.map(safeCell))], { record_delimiter: '\r\n' });
}

/** A report's factors and discrepancies as one CSV: a `kind` column tells them apart. */
export function reportCsv(report: ScoredReport, label: Labels): string {
  const rows: unknown[][] = [
    ...report.risk.factors.map((f) => [
      'factor',
      label.factor(f.id),
      f.points,
      f.source,
      f.reason,
      f.remediation,
      '',
      '',
    ]),
    ...report.discrepancies.map((d) => [
      'discrepancy',
      label.other(d.questionId),
      '',
      'discrepancy',
      d.message,
      '',
      d.claimed,
      d.measured,
    ]),
  ];
  return toCsv(
    ['kind', 'name', 'points', 'source', 'reason', 'remediation', 'claimed', 'measured'],
    rows,
  );
}
