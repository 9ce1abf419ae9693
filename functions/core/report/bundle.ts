import { reportHash, type ScoredReport } from '../scoring';
import { SIGNED_BUNDLE_FORMAT } from './bundle-signed';

/** The format tag of the unsigned bundles made before signed reports (still read). */
export const BUNDLE_FORMAT = 'diligence-report-bundle/1';

/** The outcome of checking a report or bundle. */
export type VerifyResult =
  | { ok: true; sha256: string; assessmentId: string; version: number | null }
  | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the report of a bundle (signed or not) or a bare stored report: its content must hash to
 * its `sha256`, an unsigned bundle's `sha256` must equal it, and so must `expected` when given.
 * The integrity of the report alone: `verifySignedBundle` checks who issued it.
 */
export function verifyReport(value: unknown, expected?: string): VerifyResult {
  const bundle =
    isObject(value) && (value.format === BUNDLE_FORMAT || value.format === SIGNED_BUNDLE_FORMAT)
      ? value
      : undefined;
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
  if (bundle?.format === BUNDLE_FORMAT && bundle.sha256 !== actual)
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
