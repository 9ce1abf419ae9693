import { createHash } from 'node:crypto';
import type { ScoredReport } from './types';

/** JSON with object keys sorted at every depth, so equal values always serialize the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** SHA-256 (hex) of the report's canonical JSON with `sha256` blanked. */
export function reportHash(report: ScoredReport): string {
  return createHash('sha256')
    .update(canonicalJson({ ...report, sha256: '' }))
    .digest('hex');
}

/** The report with its `sha256` filled in. */
export function withHash(report: ScoredReport): ScoredReport {
  return { ...report, sha256: reportHash(report) };
}

/** True when the report's `sha256` matches its content. */
export function verifyReportHash(report: ScoredReport): boolean {
  return report.sha256 === reportHash(report);
}
