/**
 * The words people read for ids: factor names, dimension titles, policy labels (all from
 * `GET /api/scoring-method`), question titles and option labels (from the template).
 */
import type { Question, Template } from '../../api/domain';
import { getScoringMethod } from '../../api/staff';
import type { ScoringMethod } from '../../api/staff-types';
import { useAsync } from '../../components/use-async';
import { displayValue } from '../../format';

let cached: Promise<ScoringMethod> | undefined;

/** The scoring method, fetched once per page load (it changes only with a deployment). */
export function useScoringMethod() {
  return useAsync(() => {
    cached ??= getScoringMethod().catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  }, []);
}

/** Every id the scoring method names, mapped to its label. */
export function labelMap(method: ScoringMethod | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (!method) return map;
  for (const group of Object.values(method.labels))
    for (const [id, label] of Object.entries(group)) map.set(id, label);
  for (const d of method.rubric) map.set(d.id, d.title);
  return map;
}

/** Replaces ids in a sentence with their labels (longest first, whole words only). */
export function plainWords(text: string, labels: Map<string, string>): string {
  // Only id-shaped words: plain words such as "provenance" stay as written.
  const ids = [...labels.keys()]
    .filter((id) => /_|[a-z][A-Z]/.test(id))
    .sort((a, b) => b.length - a.length);
  if (ids.length === 0) return text;
  const pattern = new RegExp(`\\b(${ids.map(escapeRegExp).join('|')})\\b`, 'g');
  return text.replace(pattern, (id, _g, offset: number) => {
    const label = labels.get(id) ?? id;
    const startsSentence = offset === 0 || /[.:;!?]\s*$/.test(text.slice(0, offset));
    return startsSentence ? label : `“${label.charAt(0).toLowerCase()}${label.slice(1)}”`;
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A question's short title: its `shortTitle` when the template has one, else its prompt. */
export function questionTitle(q: Question): string {
  const short = (q as { shortTitle?: string }).shortTitle;
  return short?.trim() ? short : q.prompt;
}

/** Question titles by id. */
export function questionTitles(template: Template | null | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const q of template?.sections.flatMap((s) => s.questions) ?? [])
    map.set(q.id, questionTitle(q));
  return map;
}

/** An answer in words: option labels instead of option values, units for numbers. */
export function answerText(q: Question | undefined, value: unknown): string {
  if (!q || value === 'unknown') return displayValue(value);
  const label = (v: unknown): string => {
    if ((q.type === 'single_choice' || q.type === 'multi_choice') && typeof v === 'string')
      return q.options.find((o) => o.value === v)?.label ?? displayValue(v);
    if (q.type === 'yes_no') return v === 'yes' ? 'Yes' : v === 'no' ? 'No' : displayValue(v);
    if (q.type === 'percent' && typeof v === 'number') return `${v} %`;
    if (q.type === 'number' && typeof v === 'number' && q.unit) return `${v} ${q.unit}`;
    return displayValue(v);
  };
  return Array.isArray(value) ? value.map(label).join(', ') : label(value);
}

/** Questions by id. */
export function questionMap(template: Template | null | undefined): Map<string, Question> {
  return new Map((template?.sections.flatMap((s) => s.questions) ?? []).map((q) => [q.id, q]));
}
