import type { AppDeps } from '../api/env';
import { type ContactLinkDeps, mintContactLink } from '../api/services/contact-links';
import { notify } from '../api/services/notify';
import { pendingSections, sectionHolders, type VendorContact } from '../core/assessment/contacts';
import type { Assessment } from '../core/assessment/types';
import { getTemplate } from '../core/questionnaire';

/** The contact repository methods the reminder job uses (Query and conditional PutItem). */
export interface HolderRepos {
  contacts: ContactLinkDeps['contacts'] & {
    list(org: string, assessmentId: string): Promise<VendorContact[]>;
  };
}

type Deps = Pick<AppDeps, 'mailer' | 'clock' | 'newId' | 'newSecret'> & {
  repos: HolderRepos & { outbox: Pick<AppDeps['repos']['outbox'], 'add'> };
  baseUrl: string;
};

/** The named contacts holding unanswered sections of `a`, each with those sections' titles. */
export async function holdersOf(
  deps: Pick<Deps, 'repos' | 'clock'>,
  a: Assessment,
): Promise<{ contact: VendorContact; titles: string[] }[]> {
  const template = getTemplate(a.templateId, a.templateVersion);
  if (!template) return [];
  const pending = pendingSections(template, a.answers);
  if (pending.length === 0) return [];
  const contacts = await deps.repos.contacts.list(a.organizationId, a.id);
  const title = new Map(template.sections.map((s) => [s.id, s.title]));
  return sectionHolders(contacts, pending, deps.clock()).map(({ contact, sections }) => ({
    contact,
    titles: sections.map((s) => title.get(s) ?? s),
  }));
}

/**
 * Sends one reminder to each holder, each with their own fresh link; `text` builds the subject
 * and body around a link. Returns how many went out.
 */
export async function remindHolders(
  deps: Deps,
  a: Assessment,
  holders: { contact: VendorContact; titles: string[] }[],
  kind: string,
  text: (link: string) => { subject: string; body: string },
): Promise<number> {
  let sent = 0;
  for (const { contact, titles } of holders) {
    const link = await mintContactLink({ ...deps, contacts: deps.repos.contacts }, contact);
    if (!link) continue;
    const yours = `\n\nThe sections assigned to you that still need answers: ${titles.join('; ')}.`;
    const stored = text(`${deps.baseUrl}/vendor#token=(a personal link, only in the e-mail sent)`);
    await notify(deps, {
      organizationId: a.organizationId,
      assessmentId: a.id,
      to: contact.email,
      kind: `reminder:${kind}`,
      subject: stored.subject,
      body: stored.body + yours,
      secretBody: text(link).body + yours,
    });
    sent++;
  }
  return sent;
}
