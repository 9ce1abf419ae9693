/** Shapes of the staff routes added for managing assessments and the policy page. */
import type { Tier } from './types';

/** `PATCH /api/assessments/{id}` body: only the fields to change. */
export interface AssessmentEdit {
  vendor?: { name?: string; contactEmail?: string };
  dataset?: { name?: string; description?: string; intendedUse?: string };
  dueAt?: string;
  version?: number;
}

/** A policy's groups of numeric settings. */
export type PolicyGroup = 'weights' | 'thresholds' | 'tolerances' | 'tiers';

/** A policy as sent: any subset of the groups. */
export type PolicyInput = Partial<Record<PolicyGroup, Record<string, number>>> & { name?: string };

/** `GET /api/policy`. */
export interface PolicyView {
  version: number;
  policy: Record<PolicyGroup, Record<string, number>> & { name: string; version: number };
  updatedAt: string | null;
  updatedBy: string | null;
  /** Why this version was saved; null for the default and versions saved before reasons. */
  reason: string | null;
}

/** One explained setting of the default policy. */
export interface SettingDoc {
  key: string;
  default: number;
  reason: string;
}

/** `GET /api/scoring-method`. */
export interface ScoringMethod {
  rubric: { id: string; title: string; critical: boolean }[];
  overallLevelRule: string;
  policyDocs: {
    factors: { id: string; weight: string; formula: string; reason: string }[];
    weights: SettingDoc[];
    thresholds: SettingDoc[];
    tolerances: SettingDoc[];
    tiers: SettingDoc[];
  };
  labels: Record<'factors' | 'thresholds' | 'tolerances' | 'tiers', Record<string, string>>;
}

/** One stored policy version and what it changed. */
export interface PolicyVersion {
  version: number;
  updatedAt: string;
  updatedBy: string;
  reason: string | null;
  changes: { group: PolicyGroup; key: string; from: number; to: number }[];
  /** Whether the re-assessment schedule changed in this version. */
  scheduleChanged?: boolean;
  /** Whether passport sharing changed in this version. */
  passportChanged?: boolean;
}

interface Scored {
  score: number;
  tier: Tier;
  maturity: number;
}

/** `POST /api/policy/preview`. */
export interface PolicyPreview {
  currentVersion: number;
  items: {
    assessmentId: string;
    vendorName: string;
    datasetName: string;
    status: string;
    /** When the vendor submitted: tells two assessments of the same dataset apart. */
    submittedAt: string | null;
    /** Set on a re-assessment (a later delivery of the dataset). */
    previousAssessmentId: string | null;
    current: Scored;
    proposed: Scored;
  }[];
  truncated: boolean;
}
