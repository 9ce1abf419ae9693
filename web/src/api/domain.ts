/**
 * Questionnaire types (from functions/core/questionnaire) and the scored-report shape the pages
 * render (DESIGN.md "Scored report"; fields the UI can live without are optional).
 */
import type { Analysis, Tier } from './types';

export type {
  AnswerValue,
  ChoiceOption,
  Question,
  QuestionnaireTemplate as Template,
  Reference,
  Section,
} from '../../../functions/core/questionnaire/types';

/** One explained contribution to the risk score. */
export interface RiskFactor {
  id: string;
  points: number;
  reason: string;
  source: 'answer' | 'sample' | 'discrepancy' | 'missing';
  remediation?: string;
}

/** A claim the sample contradicts. */
export interface Discrepancy {
  questionId: string;
  claimed: unknown;
  measured: unknown;
  message: string;
  tolerance?: unknown;
}

/** Maturity of one dimension, with the answers that decided it. */
export interface MaturityDimension {
  id: string;
  level: number;
  evidence: unknown[];
  title?: string;
}

/** A sample's analysis as embedded in a report; duplicate examples arrive masked when present. */
export type ReportSample = Analysis & {
  sampleId?: string;
  fileName?: string;
  role?: string;
  examples?: { cluster: number; texts: string[] }[];
};

/** The latest scored report of an assessment. */
export interface ScoredReport {
  assessmentId: string;
  generatedAt: string;
  sha256: string;
  version: number;
  policyVersion: number;
  maturity: { level: number; dimensions: MaturityDimension[] };
  risk: { score: number; tier: Tier; factors: RiskFactor[] };
  discrepancies: Discrepancy[];
  samples: ReportSample[];
}
