import { PARAMS } from '../analysis/params';
import type { Assessment } from '../assessment/types';
import { jcsBytes } from '../signing/jcs';
import { ALG, type Signer } from '../signing/types';
import type { VersionedReport } from './answers';
import type { VersionDecision } from './decision-record';

/** The format tag of a signed report bundle. */
export const SIGNED_BUNDLE_FORMAT = 'diligence-report-bundle/2';

/**
 * One sample the report measured, by hash: `sha256` is the file's plain SHA-256; a sample analyzed
 * in ranges carries `treeHash` and its `hashMethod` instead (`diligence hash --range-bytes`).
 */
export interface BundleSample {
  sampleId: string;
  role: 'training' | 'holdout';
  fileName: string;
  records: number;
  sha256?: string;
  treeHash?: string;
  hashMethod?: string;
}

/** Everything a bundle's signature covers. */
export interface BundleContent {
  format: typeof SIGNED_BUNDLE_FORMAT;
  report: VersionedReport;
  version: number;
  assessment: {
    id: string;
    templateId: string;
    templateVersion: number;
    vendor: { name: string };
    dataset: { name: string };
    status: string;
    /** The decision, when it was made on this version. */
    decision?: { decision: string; at: string };
  };
  organization: { id: string };
  samples: BundleSample[];
  /** The analysis algorithm's parameter version (partials of other versions never merge). */
  analyzer: { parametersVersion: number };
  issuedAt: string;
}

/** The signature over the JCS bytes of everything else in the bundle. */
export interface BundleSignature {
  alg: typeof ALG;
  kid: string;
  /** base64url of the raw ECDSA `r‖s` (64 bytes). */
  value: string;
}

/** A signed report bundle (contract in DESIGN.md, "Signed reports and framework packs"). */
export interface SignedBundle extends BundleContent {
  signature: BundleSignature;
}

/** What a bundle is made of: the stored version, its assessment, and facts the report lacks. */
export interface BundleInput {
  report: VersionedReport;
  assessment: Assessment;
  /** Hash methods of samples hashed otherwise than plainly (by sample id). */
  hashMethods?: Record<string, string | undefined>;
  /** The assessment's decision against report versions (`decidedVersion`). */
  decision?: VersionDecision;
  issuedAt: Date;
}

/** The samples of a report, by hash. */
export function bundleSamples(
  report: VersionedReport,
  hashMethods: Record<string, string | undefined> = {},
): BundleSample[] {
  return report.samples.flatMap((s) => {
    if (!s.file) return [];
    const method = hashMethods[s.file.sampleId];
    const base = {
      sampleId: s.file.sampleId,
      role: s.role,
      fileName: s.file.fileName,
      records: s.file.records,
    };
    return [
      method
        ? { ...base, treeHash: s.file.sha256, hashMethod: method }
        : { ...base, sha256: s.file.sha256 },
    ];
  });
}

/** The unsigned content of a report version's bundle. */
export function bundleContent(input: BundleInput): BundleContent {
  const { report, assessment: a, decision } = input;
  const decided = decision && decision.version === report.version ? decision.record : undefined;
  return {
    format: SIGNED_BUNDLE_FORMAT,
    report,
    version: report.version,
    assessment: {
      id: a.id,
      templateId: a.templateId,
      templateVersion: a.templateVersion,
      vendor: { name: a.vendor.name },
      dataset: { name: a.dataset.name },
      status: a.status,
      ...(decided ? { decision: { decision: decided.decision, at: decided.at } } : {}),
    },
    organization: { id: a.organizationId },
    samples: bundleSamples(report, input.hashMethods),
    analyzer: { parametersVersion: PARAMS.version },
    issuedAt: input.issuedAt.toISOString(),
  };
}

/** Signs the JCS canonical JSON of `content` (any JSON object without `signature`). */
export async function signContent<T extends object>(
  content: T,
  signer: Signer,
): Promise<T & { signature: BundleSignature }> {
  const raw = await signer.sign(jcsBytes(content));
  return {
    ...content,
    signature: { alg: ALG, kid: signer.kid, value: Buffer.from(raw).toString('base64url') },
  };
}

/** A report version's signed bundle. */
export function signedBundle(input: BundleInput, signer: Signer): Promise<SignedBundle> {
  return signContent(bundleContent(input), signer);
}
