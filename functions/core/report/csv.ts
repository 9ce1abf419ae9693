import type { ScoredReport } from '../scoring';
import { toCsv } from './csv-cell';
import type { Labels } from './labels';

export { safeCell, toCsv } from './csv-cell';

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
