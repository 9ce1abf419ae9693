/** The local outbox: notifications the portal would have e-mailed. */
import { getOutbox } from '../../api/staff';
import { ErrorBanner, Loading } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { formatDateTime } from '../../format';

/** Lists outbox messages, newest first. */
export function OutboxPage() {
  const outbox = useAsync(
    () => getOutbox().then((r) => [...r.items].sort((a, b) => b.at.localeCompare(a.at))),
    [],
  );
  return (
    <>
      <div class="title-row">
        <h1>Outbox</h1>
        <button type="button" class="button secondary small" onClick={outbox.reload}>
          Refresh
        </button>
      </div>
      <p class="lead">Local portal only: e-mails that would have been sent, newest first.</p>
      <ErrorBanner error={outbox.error} onRetry={outbox.reload} />
      {outbox.loading && !outbox.data ? <Loading /> : null}
      {outbox.data && outbox.data.length === 0 ? <p class="empty">No messages yet.</p> : null}
      <ul class="outbox">
        {(outbox.data ?? []).map((m) => (
          <li key={m.id} class="card">
            <p class="small muted">
              <time dateTime={m.at}>{formatDateTime(m.at)}</time> to {m.to}
            </p>
            <h2 class="message-subject">{m.subject}</h2>
            <pre class="message-body">{m.body}</pre>
          </li>
        ))}
      </ul>
    </>
  );
}
