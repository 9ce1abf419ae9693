/** Create, list and revoke API tokens. */
import { useState } from 'preact/hooks';
import { createToken, listTokens, revokeToken, type TokenInfo } from '../../api/integrations';
import { ErrorBanner, Loading } from '../../components/feedback';
import { TableScroll } from '../../components/table-scroll';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { formatDate, formatDateTime } from '../../format';
import { ShownOnce } from './shown-once';

const roleLabel: Record<TokenInfo['role'], string> = {
  procurement: 'Procurement',
  governance: 'Governance',
  admin: 'Administrator',
};
const statusLabel: Record<TokenInfo['status'], string> = {
  active: 'Active',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** The tokens section of the integrations page. */
export function TokenSection() {
  const list = useAsync(() => listTokens().then((r) => r.items), []);
  const [shown, setShown] = useState<string | undefined>(undefined);
  const [name, setName] = useState('');
  const [role, setRole] = useState<TokenInfo['role']>('procurement');
  const [days, setDays] = useState('90');

  const { act, error } = useAction(list.reload);

  return (
    <section aria-labelledby="tokens-heading" class="stack">
      <h2 id="tokens-heading">API tokens</h2>
      <p>Scripts call the API with a token: it acts with its role and shows in the audit trail.</p>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          act(async () => {
            const made = await createToken({ name, role, expiresInDays: Number(days) });
            setShown(made.token);
            setName('');
          });
        }}
      >
        <label class="field">
          Name
          <input
            value={name}
            required
            maxLength={80}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          Role
          <select
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as TokenInfo['role'])}
          >
            {Object.entries(roleLabel).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          Expires after (days)
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button">
          Create token
        </button>
      </form>
      {shown ? <ShownOnce label="Your new token" value={shown} /> : null}
      <ErrorBanner error={error ?? list.error} onRetry={list.error ? list.reload : undefined} />
      {list.loading && !list.data ? <Loading what="Loading the tokens" /> : null}
      {list.data && list.data.length === 0 ? <p class="empty">No tokens yet.</p> : null}
      {list.data && list.data.length > 0 ? (
        <TableScroll label="API tokens">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Status</th>
                <th>Expires</th>
                <th>Last used</th>
                <th>Action</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((t) => (
                <tr key={t.id} data-testid="token-row">
                  <td>{t.name}</td>
                  <td>{roleLabel[t.role]}</td>
                  <td>{statusLabel[t.status]}</td>
                  <td>{formatDate(t.expiresAt)}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                  <td>
                    {t.status === 'active' ? (
                      <button
                        type="button"
                        class="button secondary small"
                        onClick={() => act(() => revokeToken(t.id))}
                      >
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
