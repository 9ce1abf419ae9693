/**
 * The decision a report version's PDF records.
 *
 * Choice (issue 24, item 3): the PDF is rendered on request from the stored, hash-checked report
 * version plus the assessment's decision record, rather than a decision writing a new report
 * version. A decision does not change the evidence: writing a version would copy the same scores
 * under a new number (or, worse, re-score with a newer policy or sample than the reviewer read),
 * and the version list would no longer mean "what the report was built on". Stored report objects
 * stay immutable either way; the decision record (who, when, comments) is kept once, on the
 * assessment with its audit event, and the PDF names the report version it was made on: the
 * newest version generated before the decision. The latest version's PDF is therefore the
 * decision record. Only the latest decision carries its comments; an earlier version's PDF names
 * the version the latest decision was made on.
 */

/** The assessment's decision as the PDF reads it. */
export interface DecisionRecord {
  decision: 'approve' | 'reject' | 'request_changes';
  /** The reviewer's e-mail address. */
  by: string;
  at: string;
  comments: { questionId: string | null; comment: string }[];
}

/** The decision against one report version: made on it, or on another version (`version`). */
export interface VersionDecision {
  record: DecisionRecord;
  /** The report version the decision was made on. */
  version: number;
}

/** Decisions in words. */
export const decisionWords: Record<DecisionRecord['decision'], string> = {
  approve: 'Approved',
  reject: 'Rejected',
  request_changes: 'Changes requested',
};

/**
 * The version a decision was made on: the newest version generated at or before it (versions
 * are never written for a decided assessment until it is reopened). Undefined without a decision.
 */
export function decidedVersion(
  versions: { version: number; generatedAt: string }[],
  decision: DecisionRecord | null | undefined,
): VersionDecision | undefined {
  if (!decision) return undefined;
  const before = versions
    .filter((v) => v.generatedAt <= decision.at)
    .sort((a, b) => b.version - a.version)[0];
  return before ? { record: decision, version: before.version } : undefined;
}
