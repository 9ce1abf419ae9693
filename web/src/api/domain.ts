/**
 * Questionnaire and scored-report shapes the pages render. They mirror functions/core/questionnaire
 * and functions/core/scoring (DESIGN.md "Scored report"); fields the UI can live without are optional.
 */
import type { Analysis, Tier } from './types';

/** A choice offered by a question. */
export interface QuestionOption {
  value: string;
  label: string;
}

/** One questionnaire question. */
export interface Question {
  id: string;
  prompt: string;
  type: string;
  help?: string;
  required?: boolean;
  options?: QuestionOption[];
  min?: number;
  max?: number;
  sources?: string[];
}

/** A titled group of questions. */
export interface Section {
  id: string;
  title: string;
  description?: string;
  questions: Question[];
}

/** A published questionnaire template. */
export interface Template {
  id: string;
  version: number;
  title: string;
  sections: Section[];
}

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
