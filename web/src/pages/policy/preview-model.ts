/** The policy preview in words: rows told apart, tier moves counted, changes listed. Pure. */
import type { PolicyGroup, PolicyInput, PolicyPreview, PolicyView } from '../../api/staff-types';
import { formatDate } from '../../format';
import { groups } from './policy-model';

type Row = PolicyPreview['items'][number];

/**
 * What tells a row apart from others with the same vendor and dataset name ('' when the name is
 * unique): the submission date, "re-assessment" for a later delivery, and the end of the
 * assessment id when those still collide.
 */
export function rowDetails(items: Row[]): Map<string, string> {
  const name = (r: Row) => `${r.vendorName}\u0000${r.datasetName}`;
  const groups = new Map<string, Row[]>();
  for (const r of items) groups.set(name(r), [...(groups.get(name(r)) ?? []), r]);
  const out = new Map<string, string>();
  for (const group of groups.values()) {
    const describe = (r: Row) =>
      [
        r.submittedAt ? `submitted ${formatDate(r.submittedAt)}` : 'not submitted',
        r.previousAssessmentId ? 're-assessment' : '',
      ]
        .filter(Boolean)
        .join(', ');
    const seen = new Map<string, number>();
    for (const r of group) seen.set(describe(r), (seen.get(describe(r)) ?? 0) + 1);
    for (const r of group) {
      if (group.length === 1) out.set(r.assessmentId, '');
      else {
        const d = describe(r);
        out.set(
          r.assessmentId,
          (seen.get(d) ?? 0) > 1 ? `${d}, ref. …${r.assessmentId.slice(-6)}` : d,
        );
      }
    }
  }
  return out;
}

/** How many previewed assessments would change tier. */
export const tierMoves = (preview: PolicyPreview) =>
  preview.items.filter((r) => r.proposed.tier !== r.current.tier).length;

/** One setting the admin changed, from the stored value to the typed one. */
export interface SettingChange {
  group: PolicyGroup;
  key: string;
  from: number | undefined;
  to: number;
}

/** The settings whose parsed value differs from the stored policy, in the page's group order. */
export function settingChanges(input: PolicyInput, view: PolicyView): SettingChange[] {
  return groups.flatMap(({ id }) =>
    Object.entries(input[id] ?? {})
      .map(([key, to]) => ({ group: id, key, from: view.policy[id]?.[key], to }))
      .filter((c) => c.to !== c.from),
  );
}

/** A change as people read it: “Label” from 20 to 40. */
export function changeText(c: SettingChange, labels: Map<string, string>): string {
  return `“${labels.get(c.key) ?? 'A setting'}” from ${c.from ?? 'the default'} to ${c.to}`;
}
