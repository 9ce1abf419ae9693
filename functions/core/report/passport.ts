import { PARAMS } from '../analysis/params';
import type { Assessment } from '../assessment/types';
import type { FrameworkPack, ItemStatus } from '../frameworks/types';
import type { VersionedReport } from './answers';
import { type BundleSample, bundleSamples } from './bundle-signed';

/** The format tag of a signed passport. */
export const PASSPORT_FORMAT = 'diligence-passport/1';

/**
 * The signed summary a vendor may show other buyers: the approved report's score, maturity,
 * decision and sample hashes; no answers. Framework item statuses (no evidence text) only where the
 * buyer's policy allows (`passport.includeFrameworks`).
 */
export interface PassportContent {
  format: typeof PASSPORT_FORMAT;
  assessment: {
    id: string;
    vendor: { name: string };
    dataset: { name: string };
    decision: { decision: 'approve'; at: string };
  };
  /** The buyer that approved it: its id and its name at issue time. */
  organization: { id: string; name: string };
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
  /** Each framework pack's item statuses, when the buyer allows it; absent otherwise. */
  frameworks?: PassportFramework[];
  issuedAt: string;
}

/** One framework pack as a passport carries it: statuses only, no evidence (it quotes answers). */
export interface PassportFramework {
  id: string;
  title: string;
  counts: Record<ItemStatus, number>;
  items: { id: string; title: string; ref: string; status: ItemStatus }[];
}

/** The statuses of computed packs, without their evidence. */
export const passportFrameworks = (packs: FrameworkPack[]): PassportFramework[] =>
  packs.map((p) => ({
    id: p.id,
    title: p.title,
    counts: p.counts,
    items: p.items.map((i) => ({ id: i.id, title: i.title, ref: i.ref, status: i.status })),
  }));

/** The passport of an approved assessment, from the report version the approval was made on. */
export function passportContent(
  a: Assessment & { decision: { decision: 'approve'; at: string } },
  report: VersionedReport,
  hashMethods: Record<string, string | undefined>,
  issuedAt: Date,
  frameworks?: PassportFramework[],
  organizationName = a.organizationId,
): PassportContent {
  return {
    format: PASSPORT_FORMAT,
    assessment: {
      id: a.id,
      vendor: { name: a.vendor.name },
      dataset: { name: a.dataset.name },
      decision: { decision: 'approve', at: a.decision.at },
    },
    organization: { id: a.organizationId, name: organizationName },
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
    ...(frameworks ? { frameworks } : {}),
    issuedAt: issuedAt.toISOString(),
  };
}

/** The outcome of checking a signed passport. */
export type PassportVerdict =
  | { ok: true; kid: string; content: PassportContent }
  | { ok: false; problem: string };
