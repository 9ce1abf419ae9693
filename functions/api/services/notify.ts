import type { AppDeps } from '../env';

/** A notification to one recipient about one assessment. */
export interface Notification {
  organizationId: string;
  assessmentId: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  /** Text that goes to the recipient but never into the stored copy (the invitation link). */
  secretBody?: string;
}

/** Sends through the configured mailer and records a copy (without secrets) in the outbox. */
export async function notify(
  deps: Pick<AppDeps, 'mailer' | 'clock' | 'newId'> & {
    repos: { outbox: Pick<AppDeps['repos']['outbox'], 'add'> };
  },
  n: Notification,
) {
  const now = deps.clock();
  await deps.mailer({ to: n.to, subject: n.subject, body: n.secretBody ?? n.body });
  await deps.repos.outbox.add({
    id: deps.newId(now),
    organizationId: n.organizationId,
    assessmentId: n.assessmentId,
    at: now.toISOString(),
    to: n.to,
    subject: n.subject,
    body: n.body,
    kind: n.kind,
  });
}
