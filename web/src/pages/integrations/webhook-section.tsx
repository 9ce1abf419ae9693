/** Register, list and remove webhook endpoints, and read their delivery logs. */
import { useState } from 'preact/hooks';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  type WebhookInfo,
} from '../../api/integrations';
import { ErrorBanner, Loading } from '../../components/feedback';
import { TableScroll } from '../../components/table-scroll';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { formatDateTime } from '../../format';
import { ShownOnce } from './shown-once';

/** Each event type's words (the same labels as functions/webhooks/types.ts). */
export const eventLabels: Record<string, string> = {
  'assessment.submitted': 'Vendor submitted an assessment',
  'assessment.decided': 'Assessment decided',
  'sample.analyzed': 'Sample analyzed',
  'sample.failed': 'Sample analysis failed',
  'contract.broken': 'Delivery broke its contract',
  'reminder.due': 'Reminder due',
};
const formatLabel = { json: 'Signed event', slack: 'Slack message', teams: 'Teams message' };
const deliveryStatus = {
  pending: 'Waiting to retry',
  delivered: 'Delivered',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** The webhooks section of the integrations page. */
export function WebhookSection() {
  const list = useAsync(() => listWebhooks().then((r) => r.items), []);
  const [shown, setShown] = useState<string | undefined>(undefined);
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookInfo['format']>('json');
  const [events, setEvents] = useState<string[]>(['assessment.submitted']);
  const [open, setOpen] = useState<string | undefined>(undefined);

  const { act, error } = useAction(list.reload);

  return (
    <section aria-labelledby="webhooks-heading" class="stack">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p>
        Tell a chat channel or a ticketing system when something happens. Deliveries are signed.
      </p>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          act(async () => {
            const made = await createWebhook({ url, events, format });
            setShown(made.secret);
            setUrl('');
          });
        }}
      >
        <label class="field">
          Address (https)
          <input type="url" value={url} required onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label class="field">
          Message form
          <select
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as WebhookInfo['format'])}
          >
            {Object.entries(formatLabel).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="stack">
          <legend>Events</legend>
          {Object.entries(eventLabels).map(([v, l]) => (
            <div class="choice" key={v}>
              <label>
                <input
                  type="checkbox"
                  checked={events.includes(v)}
                  onChange={(e) =>
                    setEvents(
                      e.currentTarget.checked ? [...events, v] : events.filter((x) => x !== v),
                    )
                  }
                />{' '}
                {l}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button">
          Add webhook
        </button>
      </form>
      {shown ? <ShownOnce label="The signing secret" value={shown} /> : null}
      <ErrorBanner error={error ?? list.error} onRetry={list.error ? list.reload : undefined} />
      {list.loading && !list.data ? <Loading what="Loading the webhooks" /> : null}
      {list.data && list.data.length === 0 ? <p class="empty">No webhooks yet.</p> : null}
      <ul class="samples">
        {(list.data ?? []).map((w) => (
          <li key={w.id} class="card" data-testid="webhook-row">
            <p class="break-all">
              <strong>{w.url}</strong> — {formatLabel[w.format]}
              {w.status === 'paused' ? ' — paused after repeated failures' : ''}
            </p>
            <p>{w.events.map((e) => eventLabels[e] ?? e).join(', ')}</p>
            <button
              type="button"
              class="button secondary small"
              onClick={() => setOpen(open === w.id ? undefined : w.id)}
            >
              {open === w.id ? 'Hide deliveries' : 'Show deliveries'}
            </button>{' '}
            <button
              type="button"
              class="button secondary small"
              onClick={() => act(() => deleteWebhook(w.id))}
            >
              Remove
            </button>
            {open === w.id ? <Deliveries id={w.id} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Deliveries({ id }: { id: string }) {
  const log = useAsync(() => listDeliveries(id).then((r) => r.items), [id]);
  if (log.loading && !log.data) return <Loading what="Loading the deliveries" />;
  if (log.error) return <ErrorBanner error={log.error} onRetry={log.reload} />;
  if (!log.data?.length) return <p class="empty">Nothing sent yet.</p>;
  return (
    <TableScroll label="Deliveries">
      <table>
        <thead>
          <tr>
            <th>Event</th>
            <th>When</th>
            <th>Result</th>
            <th>Answer</th>
            <th>Time taken</th>
            <th>Attempts</th>
            <th>Problem</th>
          </tr>
        </thead>
        <tbody>
          {log.data.map((d) => (
            <tr key={d.id}>
              <td>{eventLabels[d.type] ?? 'Event'}</td>
              <td>{formatDateTime(d.createdAt)}</td>
              <td>{deliveryStatus[d.status]}</td>
              <td>{d.httpStatus ?? 'None'}</td>
              <td>{d.responseMs === null ? '' : `${d.responseMs} ms`}</td>
              <td>{d.attempt}</td>
              <td>{d.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
