/** The vendor's delivery contract: its conditions in plain words and its open remediation items. */
import { useState } from 'preact/hooks';
import { getVendorContract, vendorComment } from '../../api/contracts';
import { ErrorBanner } from '../../components/feedback';
import { useAsync } from '../../components/use-async';

/** Nothing when no contract concerns this assessment. */
export function VendorConditions() {
  const [tick, setTick] = useState(0);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const view = useAsync(() => getVendorContract(), [tick]);
  const v = view.data;
  if (!v || (!v.conditions.length && !v.items.length)) return null;
  const open = v.items.filter((i) => i.status !== 'resolved');
  const send = async (itemId: string) => {
    setFailure(undefined);
    try {
      await vendorComment(itemId, drafts[itemId] ?? '');
      setDrafts({ ...drafts, [itemId]: '' });
      setTick((n) => n + 1);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section
      class="card"
      aria-labelledby="vendor-conditions-heading"
      data-testid="vendor-conditions"
    >
      <h2 id="vendor-conditions-heading">Conditions of the approval</h2>
      <p class="muted">Each new delivery is checked against these:</p>
      <ul>
        {v.conditions.map((c) => (
          <li key={c.words}>{c.words}</li>
        ))}
      </ul>
      {open.length ? <h3>Open remediation items</h3> : null}
      <ErrorBanner error={failure} />
      {open.map((i) => (
        <div class="stack" key={i.itemId}>
          <p>
            <strong>{i.condition.words}</strong>: measured {i.condition.actualWords ?? 'nothing'},
            due {i.dueAt.slice(0, 10)}
          </p>
          <ul>
            {i.comments.map((c) => (
              <li key={c.at}>
                {c.role === 'vendor' ? 'You' : 'Reviewer'}: {c.text}
              </li>
            ))}
          </ul>
          <label>
            Your comment
            <textarea
              rows={2}
              value={drafts[i.itemId] ?? ''}
              onInput={(e) =>
                setDrafts({ ...drafts, [i.itemId]: (e.target as HTMLTextAreaElement).value })
              }
            />
          </label>
          <button type="button" class="button secondary small" onClick={() => send(i.itemId)}>
            Send comment
          </button>
        </div>
      ))}
    </section>
  );
}
