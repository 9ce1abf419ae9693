/** Issue, copy and revoke the vendor's invitation link; the token is shown once. */
import { useState } from 'preact/hooks';
import { issueInvitation, revokeInvitation, sendReminder } from '../../api/staff';
import type { Assessment, Invitation } from '../../api/types';
import { ErrorBanner, Notice } from '../../components/feedback';
import { formatDateTime } from '../../format';

/** The invitation controls for procurement. */
export function InvitationPanel({
  assessment,
  onChange,
}: {
  assessment: Assessment;
  onChange: () => void;
}) {
  const [fresh, setFresh] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  // Which link-killing action waits for a yes: revoking, or resending with a new link.
  const [confirming, setConfirming] = useState<'revoke' | 'resend' | null>(null);
  const [copied, setCopied] = useState('');
  const current = assessment.invitation;
  const active = current && !current.revokedAt && Date.parse(current.expiresAt) > Date.now();
  const open = !['submitted', 'approved', 'rejected', 'cancelled'].includes(assessment.status);
  const [reminded, setReminded] = useState('');

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const issue = () =>
    run(async () => {
      setFresh(await issueInvitation(assessment.id));
      setCopied('');
    });
  const revoke = () =>
    run(async () => {
      await revokeInvitation(assessment.id);
      setFresh(null);
    });
  const remind = () =>
    run(async () => {
      const sent = await sendReminder(assessment.id);
      setReminded(`Reminder e-mailed to ${sent.sentTo} at ${formatDateTime(sent.sentAt)}.`);
    });
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied to the clipboard.');
    } catch {
      (document.getElementById('invite-link') as HTMLInputElement | null)?.select();
      setCopied('Copying is blocked here: the link is selected, press Ctrl+C (⌘C) to copy it.');
    }
  };

  return (
    <section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Vendor invitation</h2>
      <p>
        {current === null
          ? 'No invitation issued yet.'
          : current.revokedAt
            ? `Revoked ${formatDateTime(current.revokedAt)}.`
            : active
              ? `Active: issued ${formatDateTime(current.issuedAt)}, expires ${formatDateTime(current.expiresAt)}.`
              : `Expired ${formatDateTime(current.expiresAt)}.`}
      </p>
      {current ? (
        <p data-testid="invite-mail">
          The invitation e-mail went to {current.sentTo ?? assessment.vendor.contactEmail} on{' '}
          {formatDateTime(current.issuedAt)}.
          {current.lastReminderAt
            ? ` Last reminder sent ${formatDateTime(current.lastReminderAt)}.`
            : ''}
        </p>
      ) : null}
      {reminded ? <Notice kind="success">{reminded}</Notice> : null}
      <ErrorBanner error={error} />
      {fresh ? (
        <div class="invite-link stack">
          <label for="invite-link">Invitation link for {assessment.vendor.contactEmail}</label>
          <div class="inline">
            <input
              id="invite-link"
              type="text"
              readOnly
              value={fresh.inviteUrl}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" class="button" onClick={() => copy(fresh.inviteUrl)}>
              Copy link
            </button>
          </div>
          <p class="hint">
            Shown once: the portal stores only a hash of it. Valid until{' '}
            {formatDateTime(fresh.expiresAt)}.
          </p>
          {copied ? <Notice kind="success">{copied}</Notice> : null}
        </div>
      ) : null}
      <div class="inline">
        {open ? (
          <button
            type="button"
            class="button"
            disabled={busy || confirming !== null}
            onClick={active ? () => setConfirming('resend') : issue}
          >
            {active ? 'Resend with a new link…' : 'Issue invitation link'}
          </button>
        ) : null}
        {active && open && assessment.status !== 'draft' ? (
          <button type="button" class="button secondary" disabled={busy} onClick={remind}>
            Send a reminder
          </button>
        ) : null}
        {active && confirming === null ? (
          <button
            type="button"
            class="button danger"
            disabled={busy}
            onClick={() => setConfirming('revoke')}
          >
            Revoke invitation
          </button>
        ) : null}
      </div>
      {confirming === 'resend' ? (
        <fieldset class="confirm" aria-describedby="resend-what">
          <legend>Resend the invitation with a new link?</legend>
          <p id="resend-what">
            The link {assessment.vendor.contactEmail} has now, and every link in earlier e-mails,
            stops working at once. A new link is e-mailed to them; their saved answers are kept.
          </p>
          <button type="button" class="button" disabled={busy} onClick={issue}>
            {busy ? 'Sending…' : 'Yes, send a new link'}
          </button>
          <button type="button" class="button secondary" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </fieldset>
      ) : null}
      {confirming === 'revoke' ? (
        <fieldset class="confirm">
          <legend>
            Revoke the link? The vendor will no longer be able to open the questionnaire.
          </legend>
          <button type="button" class="button danger" disabled={busy} onClick={revoke}>
            Yes, revoke
          </button>
          <button type="button" class="button secondary" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </fieldset>
      ) : null}
    </section>
  );
}
