/**
 * The passport controls staff and vendors share: make a public link to the signed summary of an
 * approved assessment (shown once), copy it, revoke it. What each side may do comes from the API.
 */
import { useState } from 'preact/hooks';
import type { PassportApi, PassportLink } from '../api/passports';
import { formatDateTime } from '../format';
import { ErrorBanner, Notice } from './feedback';
import { useAsync } from './use-async';

interface Props {
  api: PassportApi;
  /** "staff": the buyer's own link; "vendor": needs the buyer's permission. */
  side: 'staff' | 'vendor';
}

/** An absolute address, whether or not the deployment knows its public base URL. */
const absolute = (url: string) => (url.startsWith('/') ? `${window.location.origin}${url}` : url);

/** Create / copy / revoke a passport link, with a plain account of what it shows. */
export function PassportControls({ api, side }: Props) {
  const state = useAsync(() => api.state(), [api]);
  const [fresh, setFresh] = useState<PassportLink | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const s = state.data;
  if (!s?.approved) return null;
  if (side === 'vendor' && !s.vendorMayShare && !s.live) return null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNote('');
    try {
      await work();
      state.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const create = () => run(async () => setFresh(await api.create()));
  const revoke = () =>
    run(async () => {
      await api.revoke();
      setFresh(null);
      setNote('The link is revoked: it no longer opens the summary.');
    });
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setNote('Link copied to the clipboard.');
    } catch {
      (document.getElementById('passport-link') as HTMLInputElement | null)?.select();
      setNote('Copying is blocked here: the link is selected, press Ctrl+C (⌘C) to copy it.');
    }
  };
  const shows = s.includeFrameworks
    ? 'the dataset, the vendor, the approval, the score, the risk tier, the maturity level, the file fingerprints and the status of each regulatory checklist item'
    : 'the dataset, the vendor, the approval, the score, the risk tier, the maturity level and the file fingerprints';
  const mayMake = side === 'staff' || s.vendorMayShare;

  return (
    <section class="card stack" data-testid="passport-panel" aria-labelledby="passport-heading">
      <h3 id="passport-heading" class="inline-heading">
        {side === 'vendor' ? 'Share your approval' : 'Public passport'}
      </h3>
      <p class="small">
        A passport is a public link to a signed summary of this approval that anyone can check with
        the portal's published keys. It shows {shows}; never the answers.
      </p>
      <p data-testid="passport-state">
        {s.live
          ? `A link is live since ${formatDateTime(s.createdAt)}.`
          : 'No link is live at the moment.'}
      </p>
      <ErrorBanner error={error} />
      {note ? <Notice kind="success">{note}</Notice> : null}
      {fresh ? (
        <div class="stack">
          <label for="passport-link">Passport link</label>
          <div class="inline">
            <input
              id="passport-link"
              type="text"
              readOnly
              value={absolute(fresh.pageUrl)}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              class="button secondary small"
              onClick={() => copy(absolute(fresh.pageUrl))}
            >
              Copy link
            </button>
          </div>
          <p class="hint">Shown once: the portal keeps only a fingerprint of it.</p>
        </div>
      ) : null}
      <div class="inline">
        {mayMake ? (
          <button type="button" class="button secondary small" disabled={busy} onClick={create}>
            {s.live ? 'Replace with a new link' : 'Create a passport link'}
          </button>
        ) : null}
        {s.live ? (
          <button type="button" class="button secondary small" disabled={busy} onClick={revoke}>
            Revoke the link
          </button>
        ) : null}
      </div>
    </section>
  );
}
