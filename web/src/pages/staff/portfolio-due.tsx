/** The portfolio's "Re-assessments due": approved datasets whose scheduled re-assessment has come. */
import { useContext, useState } from 'preact/hooks';
import { acceptDue, type DueItem, dismissDue, listDue } from '../../api/reassessment';
import { MeContext } from '../../auth';
import { StatusBadge, TierBadge } from '../../components/badges';
import { ErrorBanner, Loading, Notice } from '../../components/feedback';
import { TableScroll } from '../../components/table-scroll';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router';
import { cadenceWords, dueWords, stateWords } from './portfolio-due-model';

const href = (id: string) => `/assessments/${encodeURIComponent(id)}`;

/** The due and overdue list; procurement starts or dismisses proposals from it. */
export function PortfolioDue() {
  const me = useContext(MeContext);
  const due = useAsync(listDue, []);
  const [busy, setBusy] = useState('');
  const [failure, setFailure] = useState<unknown>(undefined);
  const [done, setDone] = useState('');
  const canStart = me?.role === 'procurement';

  const act = async (item: DueItem, action: 'accept' | 'dismiss') => {
    setBusy(item.assessmentId);
    setFailure(undefined);
    setDone('');
    try {
      if (action === 'accept') {
        await acceptDue(item.assessmentId);
        setDone(
          `Started the re-assessment of ${item.datasetName}; the vendor was e-mailed a link.`,
        );
      } else {
        await dismissDue(item.assessmentId);
        setDone(`Dismissed for now; ${item.datasetName} is proposed again one period later.`);
      }
      due.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy('');
    }
  };

  const items = due.data?.items ?? [];
  return (
    <section class="card" aria-labelledby="due-heading" data-testid="portfolio-due">
      <h2 id="due-heading">Re-assessments due</h2>
      <p class="hint">
        Approved datasets whose re-assessment has come under the{' '}
        <Link href="/policy">re-assessment schedule</Link> of the policy, most overdue first.
      </p>
      <ErrorBanner error={due.error ?? failure} onRetry={due.error ? due.reload : undefined} />
      {done ? <Notice kind="success">{done}</Notice> : null}
      {due.loading && !due.data ? <Loading what="Loading what is due" /> : null}
      {due.data && items.length === 0 ? (
        <p class="empty">Nothing is due for re-assessment.</p>
      ) : null}
      {items.length ? (
        <TableScroll label="Re-assessments due, most overdue first">
          <table class="data due-list">
            <caption class="visually-hidden">Re-assessments due, most overdue first</caption>
            <thead>
              <tr>
                <th scope="col">Vendor</th>
                <th scope="col">Dataset</th>
                <th scope="col">Risk at approval</th>
                <th scope="col">Due</th>
                <th scope="col">Re-assessment</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.assessmentId} data-testid="due-row">
                  <th scope="row">
                    <Link href={href(item.assessmentId)}>{item.vendorName}</Link>
                  </th>
                  <td>{item.datasetName}</td>
                  <td>
                    <TierBadge tier={item.tier} />
                    <div class="small muted">{cadenceWords(item.cadenceDays)}</div>
                  </td>
                  <td>{dueWords(item)}</td>
                  <td>
                    {item.reassessment ? (
                      <div>
                        <Link href={href(item.reassessment.id)}>Open the re-assessment</Link>{' '}
                        <StatusBadge status={item.reassessment.status} />
                      </div>
                    ) : (
                      <div class="small">{stateWords(item)}</div>
                    )}
                    {item.state === 'proposed' && canStart ? (
                      <div class="inline">
                        <button
                          type="button"
                          class="button secondary small"
                          disabled={busy !== ''}
                          onClick={() => act(item, 'accept')}
                        >
                          Start re-assessment
                        </button>
                        <button
                          type="button"
                          class="button secondary small"
                          disabled={busy !== ''}
                          onClick={() => act(item, 'dismiss')}
                        >
                          Dismiss
                        </button>
                      </div>
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
