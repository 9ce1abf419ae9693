import type { ConditionResult } from './evaluate';

/** Where a remediation item stands; `accepted` means an exception runs until `exception.until`. */
export const remediationStatuses = ['open', 'in_progress', 'resolved', 'accepted'] as const;
/** One remediation status. */
export type RemediationStatus = (typeof remediationStatuses)[number];

/** Longest an exception may run. */
export const MAX_EXCEPTION_DAYS = 365;
/** Most comments one item keeps (the item is one DynamoDB item). */
export const MAX_COMMENTS = 200;

/** A comment on a remediation item: plain text, never HTML. */
export interface RemediationComment {
  at: string;
  by: string;
  role: string;
  text: string;
}

/** A broken condition accepted by governance for a stated reason, until a date. */
export interface RemediationException {
  reason: string;
  until: string;
  by: string;
  at: string;
  /** Set when the exception ran out and the item went back to review. */
  lapsedAt?: string;
}

/** The e-mail that is still owed about an item: it broke, or its exception lapsed. */
export type RemediationNotice = 'broken' | 'lapsed';

/** One broken condition of a delivery contract, tracked until it is resolved or accepted. */
export interface RemediationItem {
  itemId: string;
  organizationId: string;
  assessmentId: string;
  /** The approved assessment whose contract the condition belongs to. */
  contractAssessmentId: string;
  condition: ConditionResult;
  status: RemediationStatus;
  owner: string | null;
  dueAt: string;
  comments: RemediationComment[];
  exception: RemediationException | null;
  /** Earlier exceptions that lapsed, oldest first. */
  pastExceptions: RemediationException[];
  /** An e-mail the sweep still owes (null when everyone was told). */
  notice: RemediationNotice | null;
  /** Who is told: the vendor contact; staff (procurement, the approver, the governance mailbox). */
  recipients: { vendor: string; staff: string[] };
  labels: { vendor: string; dataset: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A change a person asked for that the item's rules refuse (the API turns it into 400/409). */
export class RemediationRuleError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly conflict = false,
  ) {
    super(message);
  }
}

const dayMs = 86_400_000;

/** The id of the item of condition `index` (one per condition and assessment: re-checks reuse it). */
export const remediationItemId = (index: number) => `condition-${index}`;

/** When the sweep must next look at the item: a notice owed now, or the exception's end. */
export function sweepAt(
  item: Pick<RemediationItem, 'notice' | 'status' | 'exception' | 'updatedAt'>,
) {
  if (item.notice) return item.updatedAt;
  if (item.status === 'accepted' && item.exception) return item.exception.until;
  return null;
}

/** Accepts a broken condition: a reason and an end date in the future, at most a year away. */
export function acceptException(
  item: RemediationItem,
  input: { reason: string; until: string },
  by: string,
  now: Date,
): RemediationItem {
  const reason = input.reason.trim();
  if (!reason)
    throw new RemediationRuleError('give the reason the exception is accepted', 'reason');
  const until = new Date(input.until);
  if (Number.isNaN(until.getTime()))
    throw new RemediationRuleError('use an ISO 8601 date such as 2027-03-31', 'until');
  if (until.getTime() <= now.getTime())
    throw new RemediationRuleError('the exception must end in the future', 'until');
  if (until.getTime() - now.getTime() > MAX_EXCEPTION_DAYS * dayMs)
    throw new RemediationRuleError(
      `an exception may run at most ${MAX_EXCEPTION_DAYS} days; accept again when it lapses`,
      'until',
    );
  if (item.status === 'resolved')
    throw new RemediationRuleError('the item is resolved; nothing to accept', 'status', true);
  return {
    ...item,
    status: 'accepted',
    exception: { reason, until: until.toISOString(), by, at: now.toISOString() },
    updatedAt: now.toISOString(),
    version: item.version + 1,
  };
}

/** The exception ran out: the item goes back to review (open) and a notice is owed. */
export function lapseException(item: RemediationItem, now: Date): RemediationItem {
  const past = item.exception ? [{ ...item.exception, lapsedAt: now.toISOString() }] : [];
  return {
    ...item,
    status: 'open',
    exception: null,
    pastExceptions: [...item.pastExceptions, ...past],
    notice: 'lapsed',
    updatedAt: now.toISOString(),
    version: item.version + 1,
  };
}

/** True when the item's exception has ended at `now`. */
export const exceptionLapsed = (item: RemediationItem, now: Date) =>
  item.status === 'accepted' && !!item.exception && item.exception.until <= now.toISOString();

/** Applies a staff update (owner, due date, status); `accepted` only through an exception. */
export function updateItem(
  item: RemediationItem,
  patch: { owner?: string | null; dueAt?: string; status?: RemediationStatus },
  now: Date,
): RemediationItem {
  if (patch.status === 'accepted')
    throw new RemediationRuleError(
      'accept a broken condition with an exception (POST …/exception: reason and end date)',
      'status',
    );
  const leavingException = patch.status !== undefined && item.status === 'accepted';
  return {
    ...item,
    ...(patch.owner !== undefined ? { owner: patch.owner } : {}),
    ...(patch.dueAt !== undefined ? { dueAt: new Date(patch.dueAt).toISOString() } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(leavingException && item.exception
      ? { exception: null, pastExceptions: [...item.pastExceptions, item.exception] }
      : {}),
    updatedAt: now.toISOString(),
    version: item.version + 1,
  };
}

/** Adds a plain-text comment (trimmed; control characters but line breaks removed). */
export function addComment(
  item: RemediationItem,
  c: { by: string; role: string; text: string },
  now: Date,
): RemediationItem {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const text = c.text.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '').trim();
  if (!text) throw new RemediationRuleError('write a comment', 'text');
  if (item.comments.length >= MAX_COMMENTS)
    throw new RemediationRuleError(`an item keeps at most ${MAX_COMMENTS} comments`, 'text', true);
  return {
    ...item,
    comments: [...item.comments, { at: now.toISOString(), by: c.by, role: c.role, text }],
    updatedAt: now.toISOString(),
    version: item.version + 1,
  };
}
