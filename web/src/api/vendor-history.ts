/** Types of `GET /api/assessments/{id}/vendor-history`: the vendor's other assessments. */
import type { AssessmentStatus, Tier } from './types';

/** One other assessment of the same vendor (score and tier null until submitted). */
export interface VendorHistoryItem {
  id: string;
  datasetName: string;
  status: AssessmentStatus;
  createdAt: string;
  dueAt: string;
  submittedAt: string | null;
  decision: { decision: 'approve' | 'reject' | 'request_changes'; at: string } | null;
  score: number | null;
  tier: Tier | null;
  archived: boolean;
}

/** The answer: the vendor and its other assessments, newest first. */
export interface VendorHistory {
  vendor: { name: string; contactEmail: string };
  items: VendorHistoryItem[];
}
