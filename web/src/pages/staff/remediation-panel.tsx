/** Delivery contract and remediation on an assessment's page: checks, items, comments, exceptions. */
import { useState } from 'preact/hooks';
import {
  acceptException,
  type ConditionResult,
  commentItem,
  getContract,
  type RemediationItem,
} from '../../api/contracts';
import { ErrorBanner } from '../../components/feedback';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';

const statusWords = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  accepted: 'Accepted (exception)',
};

/** A checked condition's outcome with the value the delivery measured. */
function checkWords(c: ConditionResult): string {
  if (c.held === null) return `not measurable${c.reason ? ` (${c.reason})` : ''}`;
  const measured = c.actualWords ? `, measured ${c.actualWords}` : '';
  return `${c.held ? 'held' : 'broken'}${measured}`;
}

function Item(props: { id: string; item: RemediationItem; onChange: () => void }) {
  const { id, item, onChange } = props;
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const { act: run, error: failure } = useAction(onChange);
  return (
    <li class="stack" data-testid={`remediation-${item.itemId}`}>
      <p>
        <strong>{item.condition.words}</strong> — {statusWords[item.status]}; due{' '}
        {item.dueAt.slice(0, 10)}
        {item.owner ? `; owner ${item.owner}` : ''}
      </p>
      {item.pastExceptions.length && !item.exception ? (
        <p>
          Back to review: the exception until{' '}
          {item.pastExceptions[item.pastExceptions.length - 1]?.until.slice(0, 10)} lapsed.
        </p>
      ) : null}
      {item.exception ? (
        <p>
          Exception until {item.exception.until.slice(0, 10)}: {item.exception.reason}
        </p>
      ) : null}
      <ul>
        {item.comments.map((c) => (
          <li key={c.at}>
            {c.by} ({c.role}): {c.text}
          </li>
        ))}
      </ul>
      <ErrorBanner error={failure} />
      <label>
        Comment
        <textarea
          rows={2}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <button
        type="button"
        class="button secondary small"
        onClick={() => run(() => commentItem(id, item.itemId, text))}
      >
        Add comment
      </button>
      {item.status !== 'accepted' && item.status !== 'resolved' ? (
        <fieldset class="stack">
          <legend>Accept an exception (governance)</legend>
          <label>
            Reason
            <input
              value={reason}
              onInput={(e) => setReason((e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            Until
            <input
              type="date"
              value={until}
              onInput={(e) => setUntil((e.target as HTMLInputElement).value)}
            />
          </label>
          <button
            type="button"
            class="button secondary small"
            onClick={() => run(() => acceptException(id, item.itemId, reason, until))}
          >
            Accept until this date
          </button>
        </fieldset>
      ) : null}
    </li>
  );
}

/** The contract this assessment is checked against, and its remediation items. */
export function RemediationPanel({ id, refresh }: { id: string; refresh: number }) {
  const [tick, setTick] = useState(0);
  const view = useAsync(() => getContract(id), [id, refresh, tick]);
  const v = view.data;
  if (!v || (!v.conditions.length && !v.items.length)) return null;
  return (
    <section class="card" aria-labelledby="contract-heading">
      <h2 id="contract-heading">
        Delivery contract{v.conditionsBroken ? ': conditions broken' : ''}
      </h2>
      <ErrorBanner error={view.error} onRetry={view.reload} />
      <ul>
        {(v.check?.conditions ?? v.conditions).map((c) => (
          <li key={c.words}>
            {c.words}
            {'held' in c ? ` — ${checkWords(c)}` : ''}
          </li>
        ))}
      </ul>
      {v.items.length ? (
        <ul class="stack">
          {v.items.map((item) => (
            <Item key={item.itemId} id={id} item={item} onChange={() => setTick((n) => n + 1)} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
