import type { TestPortal } from './harness';

/** One e-mail as the mailer received it (with the personal link the outbox copy leaves out). */
export interface SentMail {
  to: string;
  subject: string;
  body: string;
}

/** Wraps the portal's mailer so the test sees every e-mail as sent; returns the list it fills. */
export function captureMail(t: TestPortal): SentMail[] {
  const sent: SentMail[] = [];
  const original = t.portal.deps.mailer;
  t.portal.deps.mailer = async (m) => {
    sent.push(m);
    await original(m);
  };
  return sent;
}

/** Every link in an e-mail body (web addresses and mailto:). */
export const linksIn = (body: string) => body.match(/\b(?:https?:\/\/|mailto:)\S+/g) ?? [];

/** The vendor token of a `/vendor#token=…` link. */
export const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, '');
