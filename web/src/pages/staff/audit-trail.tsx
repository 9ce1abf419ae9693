/** The assessment's append-only audit trail, oldest first. */
import { listEvents } from '../../api/staff';
import { ErrorBanner, Loading } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { displayValue, formatDateTime, humanize } from '../../format';

/** Renders the events; `refresh` changes whenever the page reloads the assessment. */
export function AuditTrail({ id, refresh }: { id: string; refresh: number }) {
  const events = useAsync(() => listEvents(id).then((r) => r.items), [id, refresh]);
  return (
    <section class="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <ErrorBanner error={events.error} onRetry={events.reload} />
      {events.loading && !events.data ? <Loading /> : null}
      {events.data ? (
        <table class="data audit">
          <caption class="visually-hidden">Every change to this assessment, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.data.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                </td>
                <td>
                  {e.actor} <span class="muted">({e.role})</span>
                </td>
                <td>{humanize(e.type)}</td>
                <td class="detail">{describe(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function describe(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${humanize(key)}: ${displayValue(value)}`)
    .join('; ');
}
