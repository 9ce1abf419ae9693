import { reportHash, type ScoredReport } from '../scoring';

/** The format tag of a report bundle. */
export const BUNDLE_FORMAT = 'diligence-report-bundle/1';

/** A downloadable report: the stored report exactly as kept, and the SHA-256 it must hash to. */
export interface ReportBundle {
  format: typeof BUNDLE_FORMAT;
  assessmentId: string;
  version: number;
  sha256: string;
  /** How to check it: the command, and what is hashed. */
  verify: string;
  report: ScoredReport & { version?: number };
}

/** Wraps a stored report (with its `version`) in a bundle. */
export function makeBundle(stored: ScoredReport & { version: number }): ReportBundle {
  return {
    format: BUNDLE_FORMAT,
    assessmentId: stored.assessmentId,
    version: stored.version,
    sha256: stored.sha256,
    verify:
      'npx diligence verify <this file>: SHA-256 of the report as canonical JSON (keys sorted) with sha256 blank and version left out',
    report: stored,
  };
}

/** The outcome of checking a report or bundle. */
export type VerifyResult =
  | { ok: true; sha256: string; assessmentId: string; version: number | null }
  | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a bundle or a bare stored report: the report's content must hash to its `sha256`, the
 * bundle's `sha256` must equal it, and so must `expected` when given.
 */
export function verifyReport(value: unknown, expected?: string): VerifyResult {
  const bundle = isObject(value) && value.format === BUNDLE_FORMAT ? value : undefined;
  const report = bundle ? bundle.report : value;
  if (!isObject(report) || typeof report.sha256 !== 'string' || !isObject(report.risk))
    return {
      ok: false,
      problem: 'this is not a Diligence report or report bundle (no sha256 or risk)',
    };
  const { version, ...body } = report;
  const actual = reportHash(body as unknown as ScoredReport);
  if (actual !== report.sha256)
    return {
      ok: false,
      problem: `the report was changed: its content hashes to ${actual}, but it says ${report.sha256}`,
    };
  if (bundle && bundle.sha256 !== actual)
    return {
      ok: false,
      problem: `the bundle names ${String(bundle.sha256)}, but the report hashes to ${actual}`,
    };
  if (expected && expected.toLowerCase() !== actual)
    return { ok: false, problem: `expected ${expected}, but the report hashes to ${actual}` };
  return {
    ok: true,
    sha256: actual,
    assessmentId: String(report.assessmentId),
    version: typeof version === 'number' ? version : null,
  };
}
