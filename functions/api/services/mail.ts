import type { Assessment } from '../../core/assessment/types';
import type { AppDeps } from '../env';
import { notify } from './notify';
import { mintVendorLink, staffLink } from './vendor-links';

type Deps = Pick<AppDeps, 'mailer' | 'clock' | 'newId' | 'newSecret' | 'config'> & {
  repos: Pick<AppDeps['repos'], 'outbox' | 'invitations'>;
};

/** What an e-mail says: the news, then the next step that its one link leads to. */
export interface Message {
  subject: string;
  /** What happened (plain sentences). */
  news: string;
  /** What to do next, ending where the link goes, e.g. "Open your questionnaire:". */
  next: string;
  kind: string;
}

const baseOf = (deps: Pick<AppDeps, 'config'>) => deps.config.PUBLIC_BASE_URL ?? '';

/**
 * E-mails the vendor with a fresh working link to their questionnaire (its hash joins the live
 * invitation; the stored copy never holds it). Without a live link, the one link is a mail to
 * the assessment's creator asking for a new one.
 */
export async function mailVendor(deps: Deps, a: Assessment, m: Message): Promise<void> {
  const link = await mintVendorLink(
    {
      invitations: deps.repos.invitations,
      newSecret: deps.newSecret,
      clock: deps.clock,
      baseUrl: baseOf(deps),
    },
    a,
  );
  const text = (url: string) => `${m.news}\n\n${m.next}\n${url}`;
  const base = { organizationId: a.organizationId, assessmentId: a.id, to: a.vendor.contactEmail };
  if (link) {
    await notify(deps, {
      ...base,
      subject: m.subject,
      kind: m.kind,
      body: text(`${baseOf(deps)}/vendor#token=(a personal link, only in the e-mail sent)`),
      secretBody: text(link),
    });
    return;
  }
  await notify(deps, {
    ...base,
    subject: m.subject,
    kind: m.kind,
    body: `${m.news}\n\nYour invitation link no longer works: ask ${a.createdBy} for a new one.\nmailto:${a.createdBy}`,
  });
}

/** E-mails staff (one or more addresses, each once) with the assessment's page as the one link. */
export async function mailStaff(
  deps: Pick<AppDeps, 'mailer' | 'clock' | 'newId' | 'config'> & {
    repos: Pick<AppDeps['repos'], 'outbox'>;
  },
  a: Assessment,
  to: (string | null | undefined)[],
  m: Message,
): Promise<void> {
  const seen = new Set<string>();
  for (const address of to) {
    const key = address?.trim().toLowerCase();
    if (!address || !key || seen.has(key)) continue;
    seen.add(key);
    await notify(deps, {
      organizationId: a.organizationId,
      assessmentId: a.id,
      to: address,
      subject: m.subject,
      kind: m.kind,
      body: `${m.news}\n\n${m.next}\n${staffLink(baseOf(deps), a.id)}`,
    });
  }
}
