/** The assessment's append-only audit trail, oldest first, each event as a sentence. */
import type { Template } from '../../api/domain';
import { listEvents } from '../../api/staff';
import { ErrorBanner, Loading } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { formatDateTime } from '../../format';
import { questionTitles } from '../report/vocabulary';
import { actorWords, describeEvent, statusMove } from './audit-sentences';

/** Renders the events; `refresh` changes whenever the page reloads the assessment. */
export function AuditTrail(props: { id: string; refresh: number; template: Template | null }) {
  const { id, refresh, template } = props;
  const events = useAsync(() => listEvents(id).then((r) => r.items), [id, refresh]);
  const ctx = { questionTitles: questionTitles(template) };
  return (
    <section class="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <ErrorBanner error={events.error} onRetry={events.reload} />
      {events.loading && !events.data ? <Loading /> : null}
      {events.data ? (
        <ol class="audit-list">
          {events.data.map((e) => {
            const move = statusMove(e);
            return (
              <li key={e.id}>
                <p class="small muted">
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {actorWords(e)}
                  {move ? ` · ${move}` : ''}
                </p>
                <p class="prose">{describeEvent(e, ctx)}</p>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
