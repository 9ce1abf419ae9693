import type { Attribution, ContactRef } from './contacts';
import type { ContractCondition, ContractResult } from './contract';

/** Staff roles; every staff identity carries exactly one role and one organization. */
export const staffRoles = ['procurement', 'governance', 'admin'] as const;
/** A staff role. */
export type StaffRole = (typeof staffRoles)[number];

/** Lifecycle of an assessment (see DESIGN.md). */
export const assessmentStatuses = [
  'draft',
  'invited',
  'in_progress',
  'submitted',
  'approved',
  'rejected',
  'changes_requested',
  'cancelled',
] as const;
/** One assessment status. */
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** Governance decisions. */
export type Decision = 'approve' | 'reject' | 'request_changes';

/** A reviewer's comment, optionally tied to one question. */
export interface ReviewComment {
  questionId: string | null;
  comment: string;
}

/** What the assessment list shows of the latest scored report. */
export interface ReportSummary {
  version: number;
  score: number;
  tier: 'low' | 'moderate' | 'high' | 'critical';
  maturity: number;
  reportKey: string;
  sha256: string;
  generatedAt: string;
}

/** Answers keyed by question id; a value may be the literal "unknown". */
export type Answers = Record<string, unknown>;

/** An assessment of one vendor dataset, scoped to one organization. */
export interface Assessment {
  id: string;
  organizationId: string;
  status: AssessmentStatus;
  vendor: { name: string; contactEmail: string };
  dataset: { name: string; description?: string; intendedUse: string };
  templateId: string;
  templateVersion: number;
  dueAt: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Compare-and-set counter for every write to the assessment item. */
  version: number;
  answers: Answers;
  previousAssessmentId: string | null;
  invitation: {
    issuedAt: string;
    expiresAt: string;
    revokedAt: string | null;
    /** Where the invitation e-mail went (absent on assessments invited before it was recorded). */
    sentTo?: string;
    /** When procurement last sent a reminder by hand. */
    lastReminderAt?: string | null;
  } | null;
  submittedAt: string | null;
  decision: {
    decision: Decision;
    by: string;
    at: string;
    comments: ReviewComment[];
    /** The delivery contract attached to an approval (checked on the re-assessment's delivery). */
    conditions?: ContractCondition[];
  } | null;
  report: ReportSummary | null;
  /** Set when procurement cancelled the assessment: who, when and why. */
  cancellation?: { by: string; at: string; reason: string } | null;
  /** Set when a closed assessment was archived (hidden from the working list, kept in full). */
  archivedAt?: string | null;
  /** Set when the retention policy deleted the samples' data (files, analyses, partials). */
  samplesPurgedAt?: string | null;
  /** The approved predecessor's contract checked against this delivery (absent when none applies). */
  contractCheck?: ContractCheck | null;
  /** True while the latest contract check has a broken condition (a flag, not a status). */
  conditionsBroken?: boolean;
  /** Who last answered each question (by question id; absent on answers saved before it). */
  answeredBy?: Record<string, Attribution>;
  /** Who submitted the questionnaire last. */
  submittedBy?: ContactRef | null;
}

/** A delivery contract checked against an assessment's delivery, as stored on the assessment. */
export interface ContractCheck extends ContractResult {
  /** The approved assessment whose contract was checked. */
  contractAssessmentId: string;
  checkedAt: string;
  /** The report version whose analysis was checked. */
  reportVersion: number;
}
