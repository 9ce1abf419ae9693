/** The assessment list's filters (kept in the URL), search, sort, progress and counts. Pure. */
import type { Template } from '../../api/domain';
import { isRanked } from '../../api/statuses';
import type { Assessment, AssessmentStatus } from '../../api/types';
import { isOverdue } from '../../format';

/** Sort orders people can choose. */
export const sorts = {
  newest: 'Newest first',
  due: 'Due date, soonest first',
  activity: 'Last activity, most recent first',
  risk: 'Risk score, highest first',
  vendor: 'Vendor, A to Z',
} as const;
/** One sort order. */
export type SortKey = keyof typeof sorts;

/** Groups the dashboard's count cards select (statuses alone cannot say "overdue"). */
export const shows = {
  overdue: 'Overdue',
  'with-vendor': 'With the vendor',
} as const;
/** One count-card group, or '' for none. */
export type ShowKey = keyof typeof shows | '';

/** The list's filters. */
export interface ListFilters {
  status: AssessmentStatus | '';
  q: string;
  sort: SortKey;
  archived: boolean;
  /** A count card's group (URL `show`); '' when none is chosen. */
  show: ShowKey;
}

const withVendor: readonly AssessmentStatus[] = ['invited', 'in_progress', 'changes_requested'];

/** Filters from a query string; unknown values fall back to the defaults. */
export function filtersFrom(search: string, statuses: readonly string[]): ListFilters {
  const p = new URLSearchParams(search);
  const status = p.get('status') ?? '';
  const sort = p.get('sort') ?? 'newest';
  const show = p.get('show') ?? '';
  return {
    status: (statuses.includes(status) ? status : '') as AssessmentStatus | '',
    q: p.get('q') ?? '',
    sort: (sort in sorts ? sort : 'newest') as SortKey,
    archived: p.get('archived') === '1',
    show: (show in shows ? show : '') as ShowKey,
  };
}

/** The query string of `f` (defaults left out), with a leading '?' or ''. */
export function toSearch(f: ListFilters): string {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.sort !== 'newest') p.set('sort', f.sort);
  if (f.archived) p.set('archived', '1');
  if (f.show) p.set('show', f.show);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** True when any filter narrows the list. */
export const isFiltered = (f: ListFilters) =>
  Boolean(f.status || f.q.trim() || f.archived || f.show);

/** True when `a` belongs to the count card's group `show` ('' holds everything). */
export function inGroup(a: Assessment, show: ShowKey, now = new Date()): boolean {
  if (show === 'overdue') return isOverdue(a.dueAt, a.status, now);
  if (show === 'with-vendor') return withVendor.includes(a.status);
  return true;
}

const compare: Record<SortKey, (a: Assessment, b: Assessment) => number> = {
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
  due: (a, b) => a.dueAt.localeCompare(b.dueAt),
  activity: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  // Unsubmitted assessments are not ranked: they sort below every submitted one.
  risk: (a, b) => rankScore(b) - rankScore(a),
  vendor: (a, b) => a.vendor.name.localeCompare(b.vendor.name),
};

const rankScore = (a: Assessment) => (isRanked(a.status) ? (a.report?.score ?? -1) : -2);

/** The rows to show: archived ones only when asked, then status, search and sort. */
export function applyFilters(items: Assessment[], f: ListFilters, now = new Date()): Assessment[] {
  const words = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return items
    .filter((a) => (f.archived ? Boolean(a.archivedAt) : !a.archivedAt))
    .filter((a) => !f.status || a.status === f.status)
    .filter((a) => inGroup(a, f.show, now))
    .filter((a) => {
      const text =
        `${a.vendor.name} ${a.vendor.contactEmail} ${a.dataset.name} ${a.dataset.description ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort(compare[f.sort]);
}

/** Required questions the vendor answered, out of all required ones. */
export function progress(a: Assessment, template: Template | undefined) {
  const required = template?.sections.flatMap((s) => s.questions).filter((q) => q.required) ?? [];
  const answered = required.filter((q) => {
    const v = a.answers?.[q.id];
    return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
  }).length;
  return { answered, required: required.length };
}

/** Dashboard counts over the working (not archived) assessments. */
export function dashboardCounts(items: Assessment[], now = new Date()) {
  const live = items.filter((a) => !a.archivedAt);
  return {
    awaitingReview: live.filter((a) => a.status === 'submitted').length,
    overdue: live.filter((a) => inGroup(a, 'overdue', now)).length,
    withVendor: live.filter((a) => inGroup(a, 'with-vendor', now)).length,
    drafts: live.filter((a) => a.status === 'draft').length,
  };
}

/** One dashboard count card: what it counts and the filters a click applies. */
export interface CountCard {
  key: 'awaitingReview' | 'overdue' | 'withVendor' | 'drafts';
  label: string;
  filters: Pick<ListFilters, 'status' | 'show' | 'archived'>;
}

/** The count cards, in order; each one filters the list to the assessments it counts. */
export const countCards: readonly CountCard[] = [
  {
    key: 'awaitingReview',
    label: 'awaiting review',
    filters: { status: 'submitted', show: '', archived: false },
  },
  { key: 'overdue', label: 'overdue', filters: { status: '', show: 'overdue', archived: false } },
  {
    key: 'withVendor',
    label: 'with the vendor',
    filters: { status: '', show: 'with-vendor', archived: false },
  },
  {
    key: 'drafts',
    label: 'drafts not sent',
    filters: { status: 'draft', show: '', archived: false },
  },
];

/** True when the list shows exactly what `card` counts (its button then reads as pressed). */
export const cardActive = (card: CountCard, f: ListFilters) =>
  card.filters.status === f.status && card.filters.show === f.show && !f.archived;
