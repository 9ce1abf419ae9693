import type { DeliveryComparison } from '../analysis/compare/types';
import type { Analysis } from '../analysis/types';
import type { Answers, AnswerValue, QuestionnaireTemplate } from '../questionnaire/types';
import type { Policy } from './policy';

/** Where a point of risk comes from. */
export type FactorSource = 'answer' | 'sample' | 'discrepancy' | 'missing';

/** Risk tiers, from the policy's cut-offs. */
export type Tier = 'low' | 'moderate' | 'high' | 'critical';

/** One explained contribution to the collapse-risk score. */
export interface RiskFactor {
  id: string;
  points: number;
  reason: string;
  source: FactorSource;
  remediation: string;
  questionIds: string[];
}

/**
 * How strong the evidence behind a claim check is: `measured` (counted in the sample: tags, markers,
 * duplicates, dates, fields), `reviewed` (a person tagged a stratified random draw of records),
 * `calibrated` (the style model read against buyer references) or `screening` (the style model alone).
 */
export type EvidenceStrength = 'measured' | 'reviewed' | 'calibrated' | 'screening';

/**
 * A finished reviewer spot-check of the sample, as scoring reads it (shares in [0, 1];
 * `interval` is [one-sided 95 % lower, upper]). The portal sets it on `synthetic.review`.
 */
export interface ReviewedShare {
  spotCheckId: string;
  finishedAt: string;
  share: number;
  interval: [number, number];
  reviewed: number;
  unsure: number;
  method: string;
}

/** A claim the sample contradicts, with the tolerance that was allowed. */
export interface Discrepancy {
  questionId: string;
  claimed: AnswerValue;
  measured: number | string;
  tolerance: number;
  unit: 'percentage points' | 'days' | 'share';
  message: string;
  /** The strength of the evidence that contradicts the claim. */
  evidence: EvidenceStrength;
}

/** The outcome of checking one claim against the sample. */
export type ClaimStatus = 'consistent' | 'unverified' | 'contradicted';

/**
 * One claim checked against the sample, whatever the outcome: `unverified` when only weak evidence
 * disagrees (with the reason: no reference, signal too weak), never a contradiction.
 */
export interface ClaimCheck {
  questionId: string;
  claimed: AnswerValue;
  /** The best estimate, in the claim's unit. */
  measured: number;
  /** The lower bound the evidence supports, in the claim's unit. */
  lowerBound: number;
  status: ClaimStatus;
  evidence: EvidenceStrength;
  message: string;
}

/** One line of maturity evidence: the answer (or measurement) and the requirement it was held to. */
export interface MaturityEvidence {
  questionId: string;
  answer: AnswerValue | null;
  requirement: string;
  met: boolean;
  note?: string;
}

/** The maturity level of one dimension and the answers that decided it. */
export interface DimensionScore {
  id: string;
  level: number;
  evidence: MaturityEvidence[];
}

/** The file a report sample was measured on (set by the portal; absent in offline scoring). */
export interface ReportSampleFile {
  sampleId: string;
  fileName: string;
  uploadedAt: string;
  records: number;
  sha256: string;
  /** The S3 version the analysis read (AWS; absent where the store keeps no versions). */
  versionId?: string;
  /** The ETag of the object the analysis read. */
  etag?: string;
}

/** An analysis as it appears in a report, tagged with the role of the sample and its file. */
export type ReportSample = Analysis & { role: 'training' | 'holdout'; file?: ReportSampleFile };

/** The scored report (contract in DESIGN.md), plus the template and policy it was scored with. */
export interface ScoredReport {
  assessmentId: string;
  generatedAt: string;
  sha256: string;
  templateId: string;
  templateVersion: number;
  policyVersion: number;
  maturity: { level: number; dimensions: DimensionScore[] };
  risk: { score: number; tier: Tier; uncappedPoints: number; factors: RiskFactor[] };
  discrepancies: Discrepancy[];
  /** Claims checked against the sample, with their status and evidence strength. */
  claimChecks: ClaimCheck[];
  samples: ReportSample[];
  /** Re-assessments: this delivery compared with the previous assessment's. */
  sinceLastDelivery?: SinceLastDelivery;
}

/** The comparison with the previous delivery, and which assessment that was. */
export type SinceLastDelivery = DeliveryComparison & { previousAssessmentId: string };

/** Everything `score` needs; it reads no clock and does no I/O. */
export interface ScoreInput {
  assessmentId: string;
  answers: Answers;
  template: QuestionnaireTemplate;
  analyses: { training?: Analysis; holdout?: Analysis };
  /** Re-assessments: the training sample compared with the previous assessment's. */
  sinceLastDelivery?: SinceLastDelivery;
  policy: Policy;
  now: Date;
}
