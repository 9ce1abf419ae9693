/** Audit events as sentences people read: no raw fields, question titles instead of ids. */
import type { AssessmentStatus, AuditEvent } from '../../api/types';
import { formatDate, statusLabel, tierLabel } from '../../format';
import { contactName, contactSentence } from './audit-contact-sentences';
import { sampleSentence, scoredFiles } from './audit-sample-sentences';

/** What a sentence needs besides the event: question titles by id. */
export interface SentenceContext {
  questionTitles: Map<string, string>;
}

const fieldWords: Record<string, string> = {
  'vendor.name': 'vendor name',
  'vendor.contactEmail': 'vendor contact e-mail',
  'dataset.name': 'dataset name',
  'dataset.description': 'dataset description',
  'dataset.intendedUse': 'intended use',
  dueAt: 'due date',
};

const decisionWords: Record<string, string> = {
  approve: 'Approved the dataset',
  reject: 'Rejected the dataset',
  request_changes: 'Sent the questionnaire back to the vendor for changes',
};

/** "A, B and C", or "A, B and 4 more" past `max` items. */
export function listWords(items: string[], max = 3): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function quoted(value: unknown, field: string): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'dueAt' && typeof value === 'string') return formatDate(value);
  return `“${String(value)}”`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One sentence for one event. Unknown event types still read as words, never as raw data. */
export function describeEvent(event: AuditEvent, ctx: SentenceContext): string {
  const d = (event.detail ?? {}) as Record<string, unknown>;
  const title = (id: string) => `“${ctx.questionTitles.get(id) ?? 'a question no longer asked'}”`;
  switch (event.type) {
    case 'create':
      return typeof d.reassessmentOf === 'string'
        ? 'Started this re-assessment, prefilled with the previous answers.'
        : 'Created the assessment as a draft.';
    case 'contact_added':
    case 'contact_changed':
    case 'contact_removed':
      return contactSentence(event.type, d);
    case 'invite':
      if (contactName(d))
        return `Issued ${contactName(d)}'s own link${typeof d.sentTo === 'string' ? ` and e-mailed it to ${d.sentTo}` : ''}${d.replacedEarlier ? ' (their earlier link stopped working)' : ''}; it expires on ${formatDate(String(d.expiresAt ?? ''))}.`;
      return `${d.replacedEarlier ? 'Issued a new invitation link (the earlier one stopped working)' : 'Issued the invitation link'}${typeof d.sentTo === 'string' ? ` and e-mailed it to ${d.sentTo}` : ''}; it expires on ${formatDate(String(d.expiresAt ?? ''))}.`;
    case 'revoke':
      return 'Revoked the invitation link; the vendor can no longer open the questionnaire.';
    case 'remind':
      return `Sent a reminder to ${String(d.to ?? 'the vendor')}.`;
    case 'save_answers': {
      const ids = Array.isArray(d.questions) ? (d.questions as string[]) : [];
      return ids.length
        ? `Saved ${plural(ids.length, 'answer')}: ${listWords(ids.map(title))}.`
        : 'Saved answers.';
    }
    case 'submit':
      return 'Submitted the questionnaire for review.';
    case 'approve':
    case 'reject':
    case 'request_changes': {
      const n = typeof d.comments === 'number' ? d.comments : 0;
      return `${decisionWords[event.type]}${n ? ` with ${plural(n, 'comment')}` : ''}.`;
    }
    case 'scored':
      return `Scored the report (version ${String(d.version)}): ${Math.round(Number(d.score))} of 100, ${tierLabel(d.tier as 'low').toLowerCase()}.${scoredFiles(d)}`;
    case 'sample_registered':
    case 'sample_deleted':
    case 'sample_fields_changed':
      return sampleSentence(event.type, d);
    case 'edit': {
      const changes = Array.isArray(d.changes)
        ? (d.changes as { field: string; from: unknown; to: unknown }[])
        : [];
      const parts = changes.map(
        (c) =>
          `the ${fieldWords[c.field] ?? 'details'} from ${quoted(c.from, c.field)} to ${quoted(c.to, c.field)}`,
      );
      return parts.length ? `Changed ${listWords(parts, 6)}.` : 'Edited the assessment.';
    }
    case 'passport_created':
      return `Made a public passport link to the signed summary of this approval${d.replacedEarlier ? ' (the earlier link stopped working)' : ''}.`;
    case 'passport_revoked':
      return 'Revoked the public passport link; it no longer opens the summary.';
    case 'cancel':
      return `Cancelled the assessment${d.linkRevoked ? ' and revoked the invitation link' : ''}. Reason: ${String(d.reason ?? 'none given')}`;
    case 'archive':
      return 'Archived the assessment.';
    case 'samples_purged': {
      const n = typeof d.files === 'number' ? d.files : 0;
      const kept =
        typeof d.retentionDays === 'number'
          ? ` (kept ${d.retentionDays} days after the decision)`
          : '';
      return n
        ? `Deleted the sample data under the retention policy${kept}: ${plural(n, 'file')}, with their analyses.`
        : `Retention period over${kept}: no sample data was held.`;
    }
    case 'contract.checked': {
      const broken = Array.isArray(d.broken) ? d.broken.length : 0;
      return broken
        ? `Checked the delivery against the approved contract: ${plural(broken, 'condition')} broken.`
        : 'Checked the delivery against the approved contract: every measurable condition held.';
    }
    case 'remediation.exception':
      return `Accepted a broken condition by exception until ${typeof d.until === 'string' ? formatDate(d.until) : 'a date'}${typeof d.reason === 'string' ? `: “${d.reason}”` : ''}.`;
    case 'remediation.commented':
      return 'Commented on a remediation item.';
    case 'remediation.updated':
      return `Updated a remediation item${typeof d.status === 'string' ? ` (status ${d.status.replace('_', ' ')})` : ''}.`;
    case 'reassessment.due':
      return reassessmentSentence(d);
    default:
      return `${sentenceCase(event.type)}.`;
  }
}

/** What a due date of the re-assessment schedule brought, in words. */
function reassessmentSentence(d: Record<string, unknown>): string {
  const on = typeof d.dueOn === 'string' ? ` (due ${d.dueOn})` : '';
  switch (d.outcome) {
    case 'proposed':
      return `The scheduled re-assessment came due${on}; proposed to procurement.`;
    case 'created':
      return `The scheduled re-assessment came due${on}; created it and e-mailed the vendor a link.`;
    case 'accepted':
      return `Started the proposed re-assessment${on}; the vendor was e-mailed a link.`;
    case 'dismissed':
      return `Dismissed the proposed re-assessment${on}; it is proposed again one period later.`;
    case 'covered':
      return `The scheduled re-assessment came due${on}; one was already under way.`;
    default:
      return `The scheduled re-assessment came due${on}.`;
  }
}

/** The status move an event made, in words ("Invited → In progress"), or ''. */
export function statusMove(event: AuditEvent): string {
  const d = (event.detail ?? {}) as Record<string, unknown>;
  if (typeof d.from !== 'string' || typeof d.to !== 'string') return '';
  return `${statusLabel(d.from as AssessmentStatus)} → ${statusLabel(d.to as AssessmentStatus)}`;
}

function sentenceCase(type: string): string {
  const words = type.replace(/[_:.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Who did it, in words. */
export function actorWords(event: AuditEvent): string {
  if (event.role === 'system') return 'Diligence (automatic)';
  const role: Record<string, string> = {
    vendor: 'vendor',
    procurement: 'procurement',
    governance: 'governance',
    admin: 'administrator',
  };
  // A named vendor contact's own link: their name first (vendor input, rendered as text).
  const contact =
    event.role === 'vendor'
      ? contactName((event.detail ?? {}) as Record<string, unknown>)
      : undefined;
  if (contact) return `${contact}, ${event.actor} (vendor)`;
  return `${event.actor} (${role[event.role] ?? 'staff'})`;
}
