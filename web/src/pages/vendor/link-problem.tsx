/** Clear pages for a missing, expired or revoked invitation link. */
import { ApiError } from '../../api/http';

/** Why the vendor cannot open the questionnaire. */
export type LinkProblemKind =
  | 'missing'
  | 'expired'
  | 'revoked'
  | 'removed'
  | 'cancelled'
  | 'invalid';

/** Classifies a failed load as a link problem, or null for other errors. */
export function linkProblemOf(error: unknown): LinkProblemKind | null {
  if (!(error instanceof ApiError)) return null;
  if (error.isType('invitation-expired')) return 'expired';
  if (error.isType('invitation-revoked')) return 'revoked';
  if (error.isType('contact-removed')) return 'removed';
  if (error.isType('assessment-cancelled')) return 'cancelled';
  if (error.status === 401) return 'invalid';
  return null;
}

const texts: Record<LinkProblemKind, { title: string; body: string }> = {
  missing: {
    title: 'Open the link from your invitation',
    body: 'This page needs the personal link from your invitation e-mail. Open that link again, or ask your contact to send a new invitation.',
  },
  expired: {
    title: 'This link has expired',
    body: 'Invitation links are valid for a limited time. Ask your contact at the organization that invited you for a new link.',
  },
  revoked: {
    title: 'This link was revoked',
    body: 'The organization that invited you has withdrawn this link, usually because a newer one was sent. Use the latest invitation, or ask your contact for a new link.',
  },
  removed: {
    title: 'This link was withdrawn',
    body: 'The organization that invited you removed you from this questionnaire, so your personal link no longer works. The answers you gave are kept. Ask your contact there if you still need access.',
  },
  cancelled: {
    title: 'This questionnaire was cancelled',
    body: 'The organization that invited you cancelled this assessment, so the questionnaire is closed and nothing more is needed from you. Their e-mail to you gives the reason; questions about it go to your contact there.',
  },
  invalid: {
    title: 'This link is not valid',
    body: 'The link may be incomplete or mistyped. Open it again from your invitation e-mail, or ask your contact for a new one.',
  },
};

/** The explanation page for one kind of link problem. */
export function LinkProblem({ kind }: { kind: LinkProblemKind }) {
  const { title, body } = texts[kind];
  return (
    <section class="card link-problem" data-testid={`link-${kind}`}>
      <h1>{title}</h1>
      <p>{body}</p>
      {kind === 'cancelled' ? null : (
        <p class="muted small">
          Your answers saved so far are kept by the organization and reappear with a new link.
        </p>
      )}
    </section>
  );
}
