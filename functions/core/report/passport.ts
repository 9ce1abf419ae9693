import { PARAMS } from '../analysis/params';
import type { Assessment } from '../assessment/types';
import type { VersionedReport } from './answers';
import { type BundleSample, bundleSamples } from './bundle-signed';

/** The format tag of a signed passport. */
export const PASSPORT_FORMAT = 'diligence-passport/1';

/**
 * The signed summary a vendor may show other buyers: the approved report's score, maturity,
 * decision and sample hashes; no answers (framework statuses only where the buyer allows: none yet).
 */
export interface PassportContent {
  format: typeof PASSPORT_FORMAT;
  assessment: {
    id: string;
    vendor: { name: string };
    dataset: { name: string };
    decision: { decision: 'approve'; at: string };
  };
  organization: { id: string };
  report: {
    version: number;
    sha256: string;
    generatedAt: string;
    score: number;
    tier: string;
    maturity: number;
  };
  samples: BundleSample[];
  analyzer: { parametersVersion: number };
  issuedAt: string;
}

/** The passport of an approved assessment, from the report version the approval was made on. */
export function passportContent(
  a: Assessment & { decision: { decision: 'approve'; at: string } },
  report: VersionedReport,
  hashMethods: Record<string, string | undefined>,
  issuedAt: Date,
): PassportContent {
  return {
    format: PASSPORT_FORMAT,
    assessment: {
      id: a.id,
      vendor: { name: a.vendor.name },
      dataset: { name: a.dataset.name },
      decision: { decision: 'approve', at: a.decision.at },
    },
    organization: { id: a.organizationId },
    report: {
      version: report.version,
      sha256: report.sha256,
      generatedAt: report.generatedAt,
      score: report.risk.score,
      tier: report.risk.tier,
      maturity: report.maturity.level,
    },
    samples: bundleSamples(report, hashMethods),
    analyzer: { parametersVersion: PARAMS.version },
    issuedAt: issuedAt.toISOString(),
  };
}

/** The outcome of checking a signed passport. */
export type PassportVerdict =
  | { ok: true; kid: string; content: PassportContent }
  | { ok: false; problem: string };
