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

/** A claim the sample contradicts, with the tolerance that was allowed. */
export interface Discrepancy {
  questionId: string;
  claimed: AnswerValue;
  measured: number | string;
  tolerance: number;
  unit: 'percentage points' | 'days' | 'share';
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

/** An analysis as it appears in a report, tagged with the role of the sample. */
export type ReportSample = Analysis & { role: 'training' | 'holdout' };

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
