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

/** The list's filters. */
export interface ListFilters {
  status: AssessmentStatus | '';
  q: string;
  sort: SortKey;
  archived: boolean;
}

/** Filters from a query string; unknown values fall back to the defaults. */
export function filtersFrom(search: string, statuses: readonly string[]): ListFilters {
  const p = new URLSearchParams(search);
  const status = p.get('status') ?? '';
  const sort = p.get('sort') ?? 'newest';
  return {
    status: (statuses.includes(status) ? status : '') as AssessmentStatus | '',
    q: p.get('q') ?? '',
    sort: (sort in sorts ? sort : 'newest') as SortKey,
    archived: p.get('archived') === '1',
  };
}

/** The query string of `f` (defaults left out), with a leading '?' or ''. */
export function toSearch(f: ListFilters): string {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.sort !== 'newest') p.set('sort', f.sort);
  if (f.archived) p.set('archived', '1');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** True when any filter narrows the list. */
export const isFiltered = (f: ListFilters) => Boolean(f.status || f.q.trim() || f.archived);

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
export function applyFilters(items: Assessment[], f: ListFilters): Assessment[] {
  const words = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return items
    .filter((a) => (f.archived ? Boolean(a.archivedAt) : !a.archivedAt))
    .filter((a) => !f.status || a.status === f.status)
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
    overdue: live.filter((a) => isOverdue(a.dueAt, a.status, now)).length,
    withVendor: live.filter((a) =>
      ['invited', 'in_progress', 'changes_requested'].includes(a.status),
    ).length,
    drafts: live.filter((a) => a.status === 'draft').length,
  };
}
