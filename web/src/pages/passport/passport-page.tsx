/**
 * /passport#token=…: the public page of a passport (no sign-in). Fetches the signed summary, shows
 * it in plain words, offers the signed file and says how to check it without this portal.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { getPublicPassport, type SignedPassport } from '../../api/passports';
import { ErrorBanner, Loading } from '../../components/feedback';
import { PageMain } from '../../components/page-main';
import { useAsync } from '../../components/use-async';
import { PassportSummary } from './passport-summary';

const tokenFromHash = () =>
  new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';

/** Saves the signed passport exactly as served (the signature covers its content). */
function download(passport: SignedPassport) {
  const blob = new Blob([`${JSON.stringify(passport, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'passport.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The /passport page. */
export function PassportPage() {
  const [token, setToken] = useState(tokenFromHash);
  useEffect(() => {
    const onHash = () => setToken(tokenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const state = useAsync(() => (token ? getPublicPassport(token) : Promise.resolve(null)), [token]);
  const gone =
    !token || (state.error instanceof ApiError && [400, 404, 410].includes(state.error.status));
  const keys = `${window.location.origin}/.well-known/diligence-keys.json`;

  return (
    <>
      <header class="site-header vendor">
        <div class="brand">Diligence</div>
        <p class="muted">Dataset passport</p>
      </header>
      <PageMain path="/passport">
        <h1>Dataset passport</h1>
        {gone ? (
          <section class="card" data-testid="passport-gone">
            <h2>This passport link does not work</h2>
            <p>
              It was revoked, or the link is incomplete. Ask the vendor who shared it for a new
              link.
            </p>
          </section>
        ) : null}
        {!gone && state.loading && !state.data ? <Loading what="Loading the passport" /> : null}
        {!gone && state.error ? <ErrorBanner error={state.error} onRetry={state.reload} /> : null}
        {!gone && state.data ? (
          <>
            <p class="lead">
              A signed summary of an approved dataset assessment. Anyone can check that this portal
              signed exactly these values.
            </p>
            <PassportSummary passport={state.data} />
            <section class="card stack" aria-labelledby="verify-heading">
              <h2 id="verify-heading">Check it yourself</h2>
              <div class="inline">
                <button
                  type="button"
                  class="button secondary small"
                  onClick={() => state.data && download(state.data)}
                >
                  Download the signed passport
                </button>
              </div>
              <p>Then, on any computer with Node.js:</p>
              <pre class="prose" data-testid="verify-command">
                <code>npx diligence verify passport.json --keys {keys}</code>
              </pre>
              <p class="small">
                It prints whether the signature matches a published key of this portal. Changing any
                value (the score, a date, a fingerprint) makes the check fail.
              </p>
            </section>
          </>
        ) : null}
      </PageMain>
    </>
  );
}
