/** Vendor contacts: several named people of the vendor, each with their own link and sections. */
import { useContext, useState } from 'preact/hooks';
import {
  addContact,
  changeContact,
  issueContactLink,
  listContacts,
  removeContact,
  type VendorContact,
} from '../../api/contacts';
import type { Template } from '../../api/domain';
import type { Assessment } from '../../api/types';
import { MeContext } from '../../auth';
import { ErrorBanner, Loading, Notice } from '../../components/feedback';
import { TableScroll } from '../../components/table-scroll';
import { useAsync } from '../../components/use-async';
import { formatDateTime } from '../../format';
import { ContactForm } from './contact-form';

const closed = ['approved', 'rejected', 'cancelled'];

/** The contacts panel for procurement on the assessment page. */
export function ContactsPanel(props: {
  assessment: Assessment;
  template: Template | null;
  onChange: () => void;
}) {
  const { assessment: a, template, onChange } = props;
  const me = useContext(MeContext);
  const contacts = useAsync(() => listContacts(a.id), [a.id]);
  const [editing, setEditing] = useState('');
  const [removing, setRemoving] = useState('');
  const [fresh, setFresh] = useState<{
    contactId: string;
    url: string;
    expiresAt: string;
    replaced: boolean;
  } | null>(null);
  const [copied, setCopied] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const open = !closed.includes(a.status);
  // Links are issued by procurement (admins manage contacts but do not invite).
  const canInvite = open && a.status !== 'submitted' && me?.role === 'procurement';
  const titles = new Map(template?.sections.map((s) => [s.id, s.title]) ?? []);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      contacts.reload();
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const issue = (c: VendorContact) =>
    run(async () => {
      const inv = await issueContactLink(a.id, c.id);
      setFresh({
        contactId: c.id,
        url: inv.inviteUrl,
        expiresAt: inv.expiresAt,
        replaced: c.link !== null,
      });
      setCopied('');
    });
  const remove = (c: VendorContact) =>
    run(async () => {
      await removeContact(a.id, c.id);
      setRemoving('');
      if (fresh?.contactId === c.id) setFresh(null);
    });
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied to the clipboard.');
    } catch {
      (document.getElementById('contact-link') as HTMLInputElement | null)?.select();
      setCopied('Copying is blocked here: the link is selected, press Ctrl+C (⌘C) to copy it.');
    }
  };
  const items = contacts.data?.items ?? [];
  const limit = contacts.data?.limit ?? 20;

  return (
    <section class="card" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Vendor contacts</h2>
      <p class="hint">
        Invite several people of the vendor, each with their own link. Removing a person stops their
        link at once; their answers stay. Reminders go to whoever holds sections that still need
        answers.
      </p>
      <ErrorBanner
        error={error ?? contacts.error}
        onRetry={contacts.error ? contacts.reload : undefined}
      />
      {contacts.loading && !contacts.data ? <Loading what="Loading the contacts" /> : null}
      {contacts.data && items.length === 0 ? (
        <p class="empty">No named contacts yet: the invitation goes to {a.vendor.contactEmail}.</p>
      ) : null}
      {items.length > 0 ? (
        <TableScroll label="Vendor contacts">
          <table class="data contacts">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Sections</th>
                <th scope="col">Link</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-testid="contact-row">
                  <th scope="row">{c.name}</th>
                  <td>{c.email}</td>
                  <td>
                    {c.sections.length
                      ? c.sections.map((s) => titles.get(s) ?? 'a section').join(', ')
                      : 'None assigned'}
                  </td>
                  <td>
                    {c.link
                      ? `Issued ${formatDateTime(c.link.issuedAt)}, expires ${formatDateTime(c.link.expiresAt)}`
                      : 'No link yet'}
                  </td>
                  <td>
                    <div class="inline">
                      {canInvite ? (
                        <button
                          type="button"
                          class="button secondary small"
                          disabled={busy}
                          onClick={() => issue(c)}
                        >
                          {c.link ? 'New link' : 'Issue link'}
                          <span class="visually-hidden"> for {c.name}</span>
                        </button>
                      ) : null}
                      {open ? (
                        <button
                          type="button"
                          class="button secondary small"
                          disabled={busy}
                          onClick={() => setEditing(c.id)}
                        >
                          Edit<span class="visually-hidden"> {c.name}</span>
                        </button>
                      ) : null}
                      <button
                        type="button"
                        class="button secondary small"
                        disabled={busy}
                        onClick={() => setRemoving(c.id)}
                      >
                        Remove<span class="visually-hidden"> {c.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {items
        .filter((c) => c.id === removing)
        .map((c) => (
          <fieldset class="confirm" key={c.id}>
            <legend>
              Remove {c.name}? Their link stops working at once; the answers they gave stay.
            </legend>
            <button type="button" class="button danger" disabled={busy} onClick={() => remove(c)}>
              Yes, remove
            </button>
            <button type="button" class="button secondary" onClick={() => setRemoving('')}>
              Cancel
            </button>
          </fieldset>
        ))}
      {fresh
        ? items
            .filter((c) => c.id === fresh.contactId)
            .map((c) => (
              <div class="invite-link stack" key={c.id}>
                <label for="contact-link">Personal link for {c.name}</label>
                <div class="inline">
                  <input
                    id="contact-link"
                    type="text"
                    readOnly
                    value={fresh.url}
                    onFocus={(e) => e.currentTarget.select()}
                  />
                  <button type="button" class="button" onClick={() => copy(fresh.url)}>
                    Copy link
                  </button>
                </div>
                <p class="hint">
                  Shown once and e-mailed to {c.email}
                  {fresh.replaced ? '; their earlier link stopped working' : ''}. Valid until{' '}
                  {formatDateTime(fresh.expiresAt)}.
                </p>
                {copied ? <Notice kind="success">{copied}</Notice> : null}
              </div>
            ))
        : null}
      {items
        .filter((c) => c.id === editing)
        .map((c) => (
          <div key={c.id}>
            <h3>Edit {c.name}</h3>
            <ContactForm
              template={template}
              contact={c}
              onCancel={() => setEditing('')}
              onSave={async (input) => {
                await changeContact(a.id, c.id, input);
                setEditing('');
                contacts.reload();
              }}
            />
          </div>
        ))}
      {open && !editing && items.length < limit ? (
        <details class="add-contact">
          <summary>Add a contact</summary>
          <ContactForm
            template={template}
            onSave={async (input) => {
              await addContact(a.id, input);
              contacts.reload();
            }}
          />
        </details>
      ) : null}
    </section>
  );
}
