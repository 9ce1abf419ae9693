import type { Analysis } from '../analysis/types';
import type { ScoredReport } from '../scoring';
import { packMatches } from '../scoring/matches';
import { toCsv } from './csv-cell';
import type { Labels } from './labels';
import { plainText } from './plain-words';

const measuredWords = (d: ScoredReport['discrepancies'][number]) =>
  typeof d.measured === 'number'
    ? d.unit === 'share'
      ? `${Math.round(d.measured * 1000) / 10} %`
      : d.unit === 'days'
        ? `${d.measured} days`
        : `${d.measured} %`
    : d.measured;

export { safeCell, toCsv } from './csv-cell';

/**
 * A report's factors, discrepancies and pack matches as one CSV: a `kind` column tells them apart.
 * Answers read as option labels and units, measurements with their unit, sentences in plain words.
 */
export function reportCsv(report: ScoredReport, label: Labels, extra: unknown[][] = []): string {
  const rows: unknown[][] = [
    ...report.risk.factors.map((f) => [
      'factor',
      label.factor(f.id),
      f.points,
      f.source,
      label.plain(plainText(f.reason)),
      label.plain(plainText(f.remediation)),
      '',
      '',
    ]),
    ...report.discrepancies.map((d) => [
      'discrepancy',
      label.other(d.questionId),
      '',
      'discrepancy',
      label.plain(plainText(d.message)),
      '',
      label.answer(d.questionId, d.claimed),
      measuredWords(d),
    ]),
    // One row per fingerprint pack match: the matched record indexes (those the analysis kept).
    ...report.samples.flatMap((s) =>
      packMatches(s as Analysis).map((m) => [
        'match',
        `${m.pack} (${m.kind}, ${s.role})`,
        '',
        'sample',
        `${Math.round(m.matchedShare * 1000) / 10} % of records match (exact ${Math.round(m.exactShare * 1000) / 10} %, near ${Math.round(m.nearShare * 1000) / 10} %); records: ${m.examples.join(' ')}`,
        '',
        '',
        m.matchedShare,
      ]),
    ),
  ];
  return toCsv(
    ['kind', 'name', 'points', 'source', 'reason', 'remediation', 'claimed', 'measured'],
    [...rows, ...extra],
  );
}
