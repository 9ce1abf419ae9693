import type { AppDeps } from '../api/env';
import { notify } from '../api/services/notify';
import { type LinkDeps, mintVendorLink } from '../api/services/vendor-links';
import { assessmentData, emitEvent } from '../api/services/webhook-events';
import type { Assessment } from '../core/assessment/types';
import { type HolderRepos, holdersOf, remindHolders } from './section-holders';

const dayMs = 86_400_000;

/** Reminder kinds, most urgent last. */
export const reminderKinds = ['due-7', 'due-3', 'due-1', 'overdue'] as const;
/** One reminder kind. */
export type ReminderKind = (typeof reminderKinds)[number];

/** The most urgent reminder that applies at `now`, or undefined when none is due yet. */
export function reminderFor(dueAt: string, now: Date): ReminderKind | undefined {
  const days = (new Date(dueAt).getTime() - now.getTime()) / dayMs;
  if (days < 0) return 'overdue';
  if (days <= 1) return 'due-1';
  if (days <= 3) return 'due-3';
  if (days <= 7) return 'due-7';
  return undefined;
}

/** The reminder's subject and text around its one link (`link`: the vendor's working link). */
export function message(
  a: Assessment,
  kind: ReminderKind,
  link: string,
): { subject: string; body: string } {
  const due = a.dueAt.slice(0, 10);
  if (kind === 'overdue') {
    return {
      subject: `Overdue: due-diligence questionnaire for ${a.dataset.name}`,
      body: `The questionnaire for "${a.dataset.name}" was due on ${due}. Your answers so far are saved.\n\nFinish and submit it now (ask ${a.createdBy} if you need more time):\n${link}`,
    };
  }
  const days = kind.slice(4);
  return {
    subject: `Reminder: questionnaire for ${a.dataset.name} is due in ${days} day(s)`,
    body: `The due-diligence questionnaire for "${a.dataset.name}" is due on ${due}.\n\nContinue where you left off; your saved answers are kept:\n${link}`,
  };
}

/** The repository methods the reminder job uses (store/reminder-repositories.ts). */
export interface ReminderRepos {
  assessments: Pick<AppDeps['repos']['assessments'], 'dueBefore'>;
  outbox: Pick<AppDeps['repos']['outbox'], 'add' | 'claimOnce'>;
  /** The invitation read and saved (compare-and-set) to add each reminder's own link. */
  invitations: LinkDeps['invitations'];
  /** The named contacts: listed, and saved to add a reminder's link to a section holder's. */
  contacts: HolderRepos['contacts'];
}

/**
 * Sends each due reminder once: a marker item is created with a conditional write before sending,
 * so a second run (or two schedulers at once) sends nothing more.
 */
export async function sendReminders(
  deps: Pick<AppDeps, 'mailer' | 'clock' | 'newId' | 'newSecret' | 'logger' | 'config'> & {
    repos: ReminderRepos;
  },
): Promise<number> {
  const now = deps.clock();
  const baseUrl = deps.config.PUBLIC_BASE_URL ?? '';
  const open = await deps.repos.assessments.dueBefore(
    new Date(now.getTime() + 7 * dayMs).toISOString(),
  );
  let sent = 0;
  for (const a of open) {
    const kind = reminderFor(a.dueAt, now);
    if (!kind) continue;
    // Named contacts holding unanswered sections get the reminder; else the vendor contact.
    const holders = await holdersOf(deps, a);
    if (holders.length === 0 && (!a.invitation || a.invitation.revokedAt)) continue;
    if (!(await deps.repos.outbox.claimOnce(a.organizationId, a.id, kind, now.toISOString())))
      continue;
    if (holders.length > 0) {
      sent += await remindHolders({ ...deps, baseUrl }, a, holders, kind, (link) =>
        message(a, kind, link),
      );
      continue;
    }
    // Each reminder carries its own working link (only its hash is stored, on the invitation).
    const link = await mintVendorLink({ ...deps, baseUrl, invitations: deps.repos.invitations }, a);
    if (!link) continue;
    const stored = message(
      a,
      kind,
      `${baseUrl}/vendor#token=(a personal link, only in the e-mail sent)`,
    );
    await notify(deps, {
      organizationId: a.organizationId,
      assessmentId: a.id,
      to: a.vendor.contactEmail,
      kind: `reminder:${kind}`,
      subject: stored.subject,
      body: stored.body,
      secretBody: message(a, kind, link).body,
    });
    await emitEvent(deps, {
      organizationId: a.organizationId,
      type: 'reminder.due',
      data: { ...assessmentData(a, baseUrl), reminder: kind, dueAt: a.dueAt },
    });
    sent++;
  }
  deps.logger.info('reminders sent', { sent, candidates: open.length });
  return sent;
}
