/** API shapes the web app reads; domain types come from functions/ as types only. */
import type { Analysis } from '../../../functions/core/analysis/types';
import type {
  Answers,
  Assessment,
  AssessmentStatus,
  Decision,
  ReviewComment,
  StaffRole,
} from '../../../functions/core/assessment/types';
import type { ImageFacts } from '../../../functions/core/report/image-words';

export type { Analysis, Answers, Assessment, AssessmentStatus, Decision, ReviewComment, StaffRole };

/** One assessment as `GET /api/assessments/{id}` returns it: true while a re-score runs. */
export type AssessmentView = Assessment & { reportUpdating?: boolean };

/** A risk tier as reports and summaries carry it. */
export type Tier = 'low' | 'moderate' | 'high' | 'critical';

/** `GET /api/config`: which sign-in applies. */
export interface PortalConfig {
  mode: 'local' | 'aws';
  cognito?: { domain: string; clientId: string };
}

/** A demo user offered on the local sign-in page. */
export interface DevUser {
  email: string;
  name: string;
  role: StaffRole;
  organizationId: string;
}

/** `GET /api/me`. */
export interface Me {
  email: string;
  role: StaffRole;
  organizationId: string;
}

/** A paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `POST /api/assessments` body. */
export interface NewAssessment {
  vendor: { name: string; contactEmail: string };
  dataset: { name: string; description?: string; intendedUse: string };
  templateId: string;
  dueAt: string;
}

/** `POST /api/assessments/{id}/invitations` → the token is shown once. */
export interface Invitation {
  token: string;
  inviteUrl: string;
  expiresAt: string;
}

/** One audit-trail event. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  role: string;
  type: string;
  detail: unknown;
}

/** A notification the local portal would have e-mailed. */
export interface OutboxMessage {
  id: string;
  at: string;
  to: string;
  subject: string;
  body: string;
}

/** One stored report version. */
export interface ReportVersion {
  version: number;
  generatedAt: string;
  sha256: string;
  score: number;
  tier: Tier;
  /** Why the version was scored ('analysis', 'submission', ...). */
  trigger?: string;
  /** The files it is built on (absent in versions stored before they were kept). */
  samples?: { role: 'training' | 'holdout'; fileName: string; sha256: string }[];
}

/** A governance decision as posted. */
export interface DecisionInput {
  decision: Decision;
  comment: string;
  comments?: { questionId: string; comment: string }[];
  /** Approve only: the delivery contract (docs/contracts.md). */
  conditions?: { metric: string; max?: number; min?: number; source?: string; note?: string }[];
}

/** The status of one uploaded sample. */
export type SampleStatus = 'awaiting_upload' | 'analyzing' | 'analyzed' | 'failed' | 'unusable';

/** A sample as the vendor sees it. */
export interface SampleInfo {
  sampleId: string;
  fileName: string;
  role: 'training' | 'holdout';
  status: SampleStatus;
  error?: string | null;
  summary?: {
    records: number;
    exactRate: number;
    nearRate: number;
    estimatedShare: number;
    fields: Record<string, unknown>;
    /** Rows that could not be read and were skipped, and the first of them. */
    malformed?: number;
    malformedLines?: { line: number; message: string }[];
    /** An archive of images: its image measures (records and the estimate do not apply). */
    images?: ImageFacts;
  } | null;
  sizeBytes?: number;
  sha256?: string | null;
  createdAt?: string;
  progress?: SampleProgress | null;
  /** True when the report uses this sample for its role. */
  counts?: boolean;
  /** When the file, its analysis and partial were deleted under the retention policy. */
  purgedAt?: string | null;
  /** While a multipart upload is awaited: its plan (the parts already sent can be listed). */
  upload?: { mode: 'multipart'; partSize: number; partCount: number } | null;
}

/** `POST /api/vendor/samples` body. */
export interface NewSample {
  fileName: string;
  role: 'training' | 'holdout';
  sizeBytes: number;
  contentType: string;
  fields?: { text?: string; label?: string };
  /** The uploaded sample this one corrects: the API checks `fields` against that file. */
  replaces?: string;
}

/** How a sample file goes up: parts of `partSize` bytes for files over the threshold. */
export type UploadMode =
  | { mode: 'single' }
  | { mode: 'multipart'; uploadId?: string; partSize: number; partCount: number };

/** Where and how to PUT a sample file. */
export interface SampleUpload {
  sampleId: string;
  upload?: UploadMode;
  /** Single mode: PUT the file here with exactly these headers. */
  uploadUrl?: string;
  uploadHeaders?: Record<string, string>;
  /** Earlier samples of the same role that were never uploaded, retired now. */
  replaced?: string[];
  /** Earlier samples of the same role that keep counting until this file arrives. */
  retiresOnUpload?: string[];
}

/** How far an analysis has come (set while analyzing). */
export interface SampleProgress {
  stage: 'reading' | 'examples' | 'saving';
  bytesRead: number;
  totalBytes: number;
  linesRead: number;
  at: string;
}
