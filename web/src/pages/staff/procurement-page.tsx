/** Procurement: dashboard counts, the assessment list (search, sort, URL-kept filters), create form. */
import { useMemo, useState } from 'preact/hooks';
import { listAllAssessments, listTemplates } from '../../api/staff';
import { assessmentStatuses } from '../../api/statuses';
import type { AssessmentStatus } from '../../api/types';
import { ErrorBanner, Loading } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { statusLabel } from '../../format';
import { navigate } from '../../router';
import { AssessmentTable } from './assessment-table';
import { CreateAssessmentForm } from './create-assessment-form';
import { ExportListButton } from './export-button';
import {
  applyFilters,
  cardActive,
  countCards,
  dashboardCounts,
  filtersFrom,
  isFiltered,
  type ListFilters,
  type SortKey,
  shows,
  sorts,
  toSearch,
} from './list-model';

/** Test ids of the count numbers (kept from the plain list they replace). */
const countIds: Record<string, string | undefined> = {
  awaitingReview: 'count-review',
  overdue: 'count-overdue',
};

/** The procurement home page. */
export function ProcurementPage() {
  const [filters, setFilters] = useState<ListFilters>(() =>
    filtersFrom(window.location.search, assessmentStatuses),
  );
  const all = useAsync(() => listAllAssessments(), []);
  const templates = useAsync(() => listTemplates().then((r) => r.items), []);
  const rows = useMemo(() => applyFilters(all.data ?? [], filters), [all.data, filters]);
  const counts = dashboardCounts(all.data ?? []);

  const update = (patch: Partial<ListFilters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    navigate(`${window.location.pathname}${toSearch(next)}`, true);
  };

  return (
    <>
      <div class="title-row">
        <h1>Assessments</h1>
        <ExportListButton />
      </div>
      <ul class="counts" aria-label="At a glance: choose one to list those assessments">
        {countCards.map((card) => (
          <li key={card.key}>
            <button
              type="button"
              class="count-card"
              aria-pressed={cardActive(card, filters)}
              onClick={() =>
                update(cardActive(card, filters) ? { status: '', show: '' } : card.filters)
              }
            >
              <span class="count" data-testid={countIds[card.key]}>
                {counts[card.key]}
              </span>
              {card.label}
            </button>
          </li>
        ))}
      </ul>
      <div class="columns">
        <section class="grow" aria-labelledby="list-heading">
          <h2 id="list-heading">Your organization's assessments</h2>
          <search class="filters">
            <div class="field">
              <label for="list-search">Search vendor or dataset</label>
              <input
                id="list-search"
                type="search"
                value={filters.q}
                onInput={(e) => update({ q: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for="status-filter">Status</label>
              <select
                id="status-filter"
                value={filters.status}
                onChange={(e) => update({ status: e.currentTarget.value as AssessmentStatus | '' })}
              >
                <option value="">All statuses</option>
                {assessmentStatuses.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="list-sort">Sort</label>
              <select
                id="list-sort"
                value={filters.sort}
                onChange={(e) => update({ sort: e.currentTarget.value as SortKey })}
              >
                {Object.entries(sorts).map(([key, label]) => (
                  <option key={key} value={key}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div class="choice">
              <input
                id="list-archived"
                type="checkbox"
                checked={filters.archived}
                onChange={(e) => update({ archived: e.currentTarget.checked })}
              />
              <label for="list-archived">Show archived instead</label>
            </div>
          </search>
          {filters.show ? (
            <p class="small" data-testid="list-group">
              Showing: {shows[filters.show].toLowerCase()}.{' '}
              <button type="button" class="link-button" onClick={() => update({ show: '' })}>
                Show all
              </button>
            </p>
          ) : null}
          <ErrorBanner error={all.error} onRetry={all.reload} />
          {all.loading && !all.data ? <Loading /> : null}
          {all.data && rows.length ? (
            <AssessmentTable
              items={rows}
              templates={templates.data ?? []}
              caption={`Assessments, ${sorts[filters.sort].toLowerCase()}`}
            />
          ) : null}
          {all.data && rows.length === 0 ? (
            isFiltered(filters) ? (
              <p class="empty" data-testid="empty-filtered">
                No assessment matches these filters.{' '}
                <button
                  type="button"
                  class="button secondary small"
                  onClick={() => update({ status: '', q: '', archived: false, show: '' })}
                >
                  Clear the filters
                </button>
              </p>
            ) : (
              <p class="empty">No assessments yet. Create the first one with the form.</p>
            )
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
