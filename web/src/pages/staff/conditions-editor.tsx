/** The conditions of an approval (a delivery contract), edited inside the decision form. */
import { useState } from 'preact/hooks';
import type { DecisionInput } from '../../api/types';

type Condition = NonNullable<DecisionInput['conditions']>[number];

/** The metrics governance picks from most (the API accepts every path of docs/contracts.md). */
const METRICS: { path: string; label: string; share: boolean }[] = [
  { path: 'duplicates.nearRate', label: 'Near duplicates', share: true },
  {
    path: 'compare.overlap.nearRate',
    label: 'Records recycled from the last delivery',
    share: true,
  },
  { path: 'synthetic.interval.0', label: 'Machine text (lower bound)', share: true },
  { path: 'pii.recordShare', label: 'Records with personal data', share: true },
  { path: 'duplicates.exactRate', label: 'Exact duplicates', share: true },
  { path: 'freshness.medianAgeDays', label: 'Median record age (days)', share: false },
];

interface Row {
  key: number;
  metric: string;
  max: string;
  source: string;
  note: string;
}

// The form's one-line hook: the decision form reads the rows of its assessment when it posts.
const drafts = new Map<string, Row[]>();

/** The conditions edited for `assessmentId`, as the decision body's `conditions` (or nothing). */
export function conditionsFor(assessmentId: string): { conditions?: Condition[] } {
  const rows = (drafts.get(assessmentId) ?? []).filter((r) => r.max.trim() !== '');
  if (!rows.length) return {};
  return {
    conditions: rows.map((r) => {
      const share = METRICS.find((m) => m.path === r.metric)?.share ?? true;
      const max = Number(r.max) / (share ? 100 : 1);
      return {
        metric: r.metric,
        max,
        ...(r.source.trim() ? { source: r.source.trim() } : {}),
        ...(r.note.trim() ? { note: r.note.trim() } : {}),
      };
    }),
  };
}

let nextKey = 1;

/** Rows of metric, upper bound and note; checked on every re-assessment's delivery. */
export function ConditionsEditor(props: { assessmentId: string }) {
  const [rows, setRows] = useState<Row[]>(() => drafts.get(props.assessmentId) ?? []);
  const save = (next: Row[]) => {
    drafts.set(props.assessmentId, next);
    setRows(next);
  };
  const update = (key: number, patch: Partial<Row>) =>
    save(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset class="stack" data-testid="conditions-editor">
      <legend>Conditions of the approval (checked on every new delivery)</legend>
      {rows.map((r, i) => {
        const share = METRICS.find((m) => m.path === r.metric)?.share ?? true;
        return (
          <div class="stack" key={r.key}>
            <label>
              Metric {i + 1}
              <select
                value={r.metric}
                onChange={(e) => update(r.key, { metric: (e.target as HTMLSelectElement).value })}
              >
                {METRICS.map((m) => (
                  <option key={m.path} value={m.path}>
                    {m.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              At most {share ? '(%)' : ''}
              <input
                inputMode="decimal"
                value={r.max}
                onInput={(e) => update(r.key, { max: (e.target as HTMLInputElement).value })}
              />
            </label>
            <label>
              Source (optional)
              <input
                value={r.source}
                onInput={(e) => update(r.key, { source: (e.target as HTMLInputElement).value })}
              />
            </label>
            <label>
              Note (optional)
              <input
                value={r.note}
                onInput={(e) => update(r.key, { note: (e.target as HTMLInputElement).value })}
              />
            </label>
            <button
              type="button"
              class="button secondary small"
              onClick={() => save(rows.filter((x) => x.key !== r.key))}
            >
              Remove condition {i + 1}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        class="button secondary small"
        onClick={() =>
          save([
            ...rows,
            { key: nextKey++, metric: 'duplicates.nearRate', max: '', source: '', note: '' },
          ])
        }
      >
        Add a condition
      </button>
    </fieldset>
  );
}
