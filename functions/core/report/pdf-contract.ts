import type { ConditionResult } from '../assessment/contract/evaluate';
import type { RemediationItem } from '../assessment/contract/remediation';
import { resultWords } from '../assessment/contract/words';
import type { PdfWriter } from './pdf-layout';

/** The delivery contract a report version was checked against, and its remediation items. */
export interface PdfContract {
  conditions: ConditionResult[];
  items: RemediationItem[];
}

const STATUS: Record<RemediationItem['status'], string> = {
  open: 'open',
  in_progress: 'in progress',
  resolved: 'resolved',
  accepted: 'accepted by exception',
};

/**
 * "Delivery contract": every condition held, broken or not measurable with the measured value,
 * then each remediation item with its status, due date, exception (reason and expiry), lapsed
 * exceptions and comments as plain text. Nothing when the assessment has no contract.
 */
export function contractSection(w: PdfWriter, contract: PdfContract | undefined): void {
  if (!contract || (contract.conditions.length === 0 && contract.items.length === 0)) return;
  w.heading('Delivery contract');
  for (const c of contract.conditions) w.text(resultWords(c));
  for (const i of contract.items) {
    w.text(`Remediation: ${resultWords(i.condition)}`, { bold: true });
    w.text(`Status ${STATUS[i.status]}, due ${i.dueAt.slice(0, 10)}.`, { indent: 10 });
    if (i.exception)
      w.text(
        `Exception until ${i.exception.until.slice(0, 10)} (${i.exception.by}): ${i.exception.reason}`,
        { indent: 10 },
      );
    for (const p of i.pastExceptions)
      if (p.lapsedAt)
        w.text(`An exception until ${p.until.slice(0, 10)} lapsed: ${p.reason}`, { indent: 10 });
    for (const m of i.comments) w.text(`${m.by} (${m.role}): ${m.text}`, { indent: 10 });
  }
}
