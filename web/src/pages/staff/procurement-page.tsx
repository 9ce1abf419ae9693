/** Procurement: every assessment with status, due date and risk, filterable, and the create form. */
import { useEffect, useState } from 'preact/hooks';
import { listAssessments } from '../../api/staff';
import type { Assessment, AssessmentStatus } from '../../api/types';
import { ErrorBanner, Loading } from '../../components/feedback';
import { statusLabel } from '../../format';
import { AssessmentTable } from './assessment-table';
import { CreateAssessmentForm } from './create-assessment-form';

const statuses: AssessmentStatus[] = [
  'draft',
  'invited',
  'in_progress',
  'submitted',
  'changes_requested',
  'approved',
  'rejected',
];

/** The procurement home page. */
export function ProcurementPage() {
  const [status, setStatus] = useState<AssessmentStatus | ''>('');
  const [items, setItems] = useState<Assessment[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);

  const load = async (from: string | null, reset: boolean) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await listAssessments({
        status: status || undefined,
        limit: 25,
        cursor: from ?? undefined,
      });
      setItems((old) => (reset ? page.items : [...old, ...page.items]));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(null, true);
  }, [status]);

  return (
    <>
      <h1>Assessments</h1>
      <div class="columns">
        <section class="grow" aria-labelledby="list-heading">
          <div class="toolbar">
            <h2 id="list-heading">Your organization's assessments</h2>
            <label for="status-filter">Status</label>
            <select
              id="status-filter"
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as AssessmentStatus | '')}
            >
              <option value="">All statuses</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <ErrorBanner error={error} onRetry={() => load(null, true)} />
          {items.length ? (
            <AssessmentTable items={items} caption="Assessments, newest first" />
          ) : loading ? null : (
            <p class="empty">No assessments yet. Create the first one with the form.</p>
          )}
          {loading ? <Loading /> : null}
          {cursor && !loading ? (
            <button type="button" class="button secondary" onClick={() => load(cursor, false)}>
              Load more
            </button>
          ) : null}
        </section>
        <section class="side card" aria-labelledby="create-heading">
          <h2 id="create-heading">New assessment</h2>
          <CreateAssessmentForm />
        </section>
      </div>
    </>
  );
}
