/** Sign-in: locally pick a demo user and role; in AWS go to Cognito's hosted sign-in. */
import { useEffect, useState } from 'preact/hooks';
import { createDevSession, listDevUsers } from '../api/dev';
import { getMe } from '../api/staff';
import type { DevUser, StaffRole } from '../api/types';
import { portalConfig, redirectToCognito, roleHome, takeCognitoToken } from '../auth';
import { ErrorBanner, Loading } from '../components/feedback';
import { Field } from '../components/field';
import { PageMain } from '../components/page-main';
import { useAsync } from '../components/use-async';
import { navigate } from '../router';
import { setStaffToken } from '../session';

/** The sign-in page. */
export function SignInPage() {
  const config = useAsync(portalConfig, []);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    portalConfig()
      .then((c) => takeCognitoToken(c.cognito))
      .then(async (token) => {
        if (!token) return;
        setStaffToken(token);
        const me = await getMe();
        navigate(roleHome(me.role), true);
      })
      .catch(setError);
  }, []);

  return (
    <PageMain path="/signin">
      <section class="signin card">
        <h1>Sign in to Diligence</h1>
        <p class="lead">Due diligence on the datasets AI vendors sell.</p>
        <ErrorBanner error={error} />
        {config.loading ? <Loading /> : null}
        {config.data?.mode === 'aws' && config.data.cognito ? (
          <button
            type="button"
            class="button"
            onClick={() => {
              if (config.data?.cognito) redirectToCognito(config.data.cognito).catch(setError);
            }}
          >
            Sign in with your organization account
          </button>
        ) : null}
        {config.data?.mode === 'local' ? <LocalSignIn onError={setError} /> : null}
      </section>
    </PageMain>
  );
}

const staffRoles: StaffRole[] = ['procurement', 'governance', 'admin'];

function LocalSignIn({ onError }: { onError: (error: unknown) => void }) {
  const users = useAsync(
    () =>
      listDevUsers()
        .then((r) => r.items)
        .catch((): DevUser[] => []),
    [],
  );
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('procurement');
  const [busy, setBusy] = useState(false);
  const list = users.data ?? [];

  const pick = (value: string) => {
    setEmail(value);
    const user = list.find((u) => u.email === value);
    if (user) setRole(user.role);
  };

  // Preselect the first user unless one was already chosen: the updater reads the current choice,
  // so a pick made before this effect runs (a fast user or a browser test) is never overwritten.
  useEffect(() => {
    const first = list[0];
    if (first) setEmail((current) => current || first.email);
  }, [users.data]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    onError(undefined);
    try {
      const user = list.find((u) => u.email === email);
      const { token } = await createDevSession({
        email,
        role: user?.role ?? role,
        organizationId: user?.organizationId,
      });
      setStaffToken(token);
      const me = await getMe();
      navigate(roleHome(me.role));
    } catch (error) {
      onError(error);
      setBusy(false);
    }
  };

  if (users.loading) return <Loading what="Loading demo users" />;
  return (
    <form onSubmit={submit} class="stack">
      <p class="hint">Local portal: choose a demo user. No password is needed here.</p>
      {list.length ? (
        <Field id="signin-user" label="Demo user">
          <select id="signin-user" value={email} onChange={(e) => pick(e.currentTarget.value)}>
            {list.map((u) => (
              <option key={u.email} value={u.email}>
                {u.name} — {u.email} ({u.role})
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <Field id="signin-email" label="E-mail" required>
          <input
            id="signin-email"
            type="email"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </Field>
      )}
      <Field id="signin-role" label="Role">
        <select
          id="signin-role"
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as StaffRole)}
        >
          {staffRoles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" class="button" disabled={busy || !email}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
