import type { AppDeps } from '../api/env';
import { notify } from '../api/services/notify';
import {
  conditionWords,
  exceptionLapsed,
  findMetric,
  formatValue,
  lapseException,
  type RemediationItem,
} from '../core/assessment/contract';
import { StaleWriteError } from '../lib/errors';

/** What the sweep needs: the due items and their saves, the once-only claims, the mailer. */
export interface RemediationSweepDeps
  extends Pick<AppDeps, 'mailer' | 'clock' | 'newId' | 'logger' | 'config'> {
  repos: {
    remediation: {
      due(now: string): Promise<RemediationItem[]>;
      save(r: RemediationItem): Promise<void>;
    };
    outbox: Pick<AppDeps['repos']['outbox'], 'add' | 'claimOnce'>;
  };
}

function actualWords(item: RemediationItem): string {
  const c = item.condition;
  const unit = findMetric(c.metric, c.source !== undefined)?.unit ?? 'number';
  return c.actual === null ? 'not measured' : formatValue(c.actual, unit);
}

function message(item: RemediationItem, audience: 'vendor' | 'staff', base: string) {
  const what = `"${conditionWords(item.condition)}" (measured ${actualWords(item)})`;
  const where = `${item.labels.vendor} — ${item.labels.dataset}`;
  const lapsed = item.notice === 'lapsed';
  const subject = lapsed ? `Exception lapsed: ${where}` : `Delivery condition broken: ${where}`;
  const news = lapsed
    ? `The exception accepted for the condition ${what} has ended; the item is open for review again.`
    : `The latest delivery of "${item.labels.dataset}" broke a condition of its approval: ${what}. A remediation item is open (due ${item.dueAt.slice(0, 10)}).`;
  const next =
    audience === 'vendor'
      ? 'Read the condition and comment on the remediation item from the link of your latest invitation e-mail.'
      : `Assign an owner, track the remediation or accept an exception:\n${base}/assessments/${item.assessmentId}`;
  return { subject, body: `${news}\n\n${next}` };
}

async function tell(deps: RemediationSweepDeps, item: RemediationItem): Promise<void> {
  const kind = `contract:${item.itemId}:${item.notice}:v${item.version}`;
  if (
    !(await deps.repos.outbox.claimOnce(
      item.organizationId,
      item.assessmentId,
      kind,
      deps.clock().toISOString(),
    ))
  )
    return;
  const base = deps.config.PUBLIC_BASE_URL ?? '';
  const targets = [
    { to: item.recipients.vendor, audience: 'vendor' as const },
    ...[...new Set(item.recipients.staff.map((s) => s.trim().toLowerCase()))].map((to) => ({
      to,
      audience: 'staff' as const,
    })),
  ];
  for (const t of targets) {
    const m = message(item, t.audience, base);
    await notify(deps, {
      organizationId: item.organizationId,
      assessmentId: item.assessmentId,
      to: t.to,
      subject: m.subject,
      body: m.body,
      kind: `contract.${item.notice}${t.audience === 'vendor' ? '' : ':staff'}`,
    });
  }
}

/**
 * The remediation sweep (with the hourly reminders in AWS, on the portal's sweep timer locally):
 * exceptions that ran out go back to review, and every owed e-mail (condition broken, exception
 * lapsed) is sent once. Idempotent: saves are compare-and-set and each e-mail is claimed once.
 * Resolves with the number of items acted on.
 */
export async function sweepRemediation(deps: RemediationSweepDeps): Promise<number> {
  const now = deps.clock();
  let acted = 0;
  for (const found of await deps.repos.remediation.due(now.toISOString())) {
    try {
      let item = found;
      if (exceptionLapsed(item, now)) {
        item = lapseException(item, now);
        await deps.repos.remediation.save(item);
      }
      if (!item.notice) continue;
      await tell(deps, item);
      await deps.repos.remediation.save({ ...item, notice: null, version: item.version + 1 });
      acted++;
    } catch (error) {
      // Another sweep or a person changed the item meanwhile: the next run sees the new version.
      if (!(error instanceof StaleWriteError)) throw error;
    }
  }
  return acted;
}
