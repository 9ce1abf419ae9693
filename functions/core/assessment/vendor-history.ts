import { isRanked } from './ranking';
import type { Assessment, Decision } from './types';

/** One earlier or later assessment of the same vendor, as the history lists it. */
export interface VendorHistoryItem {
  id: string;
  datasetName: string;
  status: Assessment['status'];
  createdAt: string;
  dueAt: string;
  submittedAt: string | null;
  decision: { decision: Decision; at: string } | null;
  /** Null until the vendor submitted (unsubmitted assessments are not ranked). */
  score: number | null;
  tier: 'low' | 'moderate' | 'high' | 'critical' | null;
  archived: boolean;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * True when `b` is the same vendor as `a`: the same name (case and spacing aside) or the same
 * contact e-mail. Vendors have no id of their own, so these two are what people recognize.
 */
export const sameVendor = (a: Assessment, b: Assessment) =>
  norm(a.vendor.name) === norm(b.vendor.name) ||
  norm(a.vendor.contactEmail) === norm(b.vendor.contactEmail);

/** The other assessments of `of`'s vendor among `all`, newest first. */
export function vendorHistory(of: Assessment, all: Assessment[]): VendorHistoryItem[] {
  return all
    .filter((x) => x.id !== of.id && sameVendor(of, x))
    .sort((x, y) => y.createdAt.localeCompare(x.createdAt))
    .map((x) => {
      const ranked = isRanked(x.status) && x.report;
      return {
        id: x.id,
        datasetName: x.dataset.name,
        status: x.status,
        createdAt: x.createdAt,
        dueAt: x.dueAt,
        submittedAt: x.submittedAt,
        decision: x.decision ? { decision: x.decision.decision, at: x.decision.at } : null,
        score: ranked ? (x.report?.score ?? null) : null,
        tier: ranked ? (x.report?.tier ?? null) : null,
        archived: Boolean(x.archivedAt),
      };
    });
}
