/**
 * "Frameworks": the report version mapped to a rule or standard (EU AI Act Art. 10, the GPAI
 * summary, AB 2013, ISO/IEC 42001 A.7, NIST AI 600-1), each item answered, measured, contradicted
 * or missing with its evidence; filters for missing and contradicted items. Evidence quotes the
 * vendor's answers, so everything is rendered as text.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { getFrameworkPack } from '../../api/report-exports';
import { errorMessage } from '../../components/feedback';
import { TableScroll } from '../../components/table-scroll';
import { useAsync } from '../../components/use-async';
import {
  countsSentence,
  emptyWords,
  FRAMEWORK_CHOICES,
  type FrameworkFilter,
  filteredItems,
  STATUS_WORDS,
} from './framework-model';

/** Reuses the decision colours; the words carry the meaning. */
const STATUS_CLASS: Record<keyof typeof STATUS_WORDS, string> = {
  contradicted: 'status-rejected',
  measured: 'status-approved',
  answered: 'status-submitted',
  missing: 'status-changes_requested',
};

const FILTERS: { id: FrameworkFilter; label: string }[] = [
  { id: 'all', label: 'All items' },
  { id: 'missing', label: 'Missing' },
  { id: 'contradicted', label: 'Contradicted' },
];

/** The section, for one report version. */
export function FrameworkPanel(props: { assessmentId: string; version: number }) {
  const [framework, setFramework] = useState<string>(FRAMEWORK_CHOICES[0].id);
  const [filter, setFilter] = useState<FrameworkFilter>('all');
  const pack = useAsync(
    () => getFrameworkPack(props.assessmentId, props.version, framework),
    [props.assessmentId, props.version, framework],
  );
  const items = pack.data ? filteredItems(pack.data, filter) : [];
  return (
    <section class="card stack" aria-labelledby="frameworks-heading" data-testid="frameworks">
      <h2 id="frameworks-heading">Frameworks</h2>
      <p class="muted small">
        Each item of the rule, from this report version: answered by the vendor, measured in the
        sample, contradicted by the sample, or missing.
      </p>
      <div class="row wrap">
        <label>
          Framework{' '}
          <select
            value={framework}
            onChange={(e) => setFramework((e.target as HTMLSelectElement).value)}
          >
            {FRAMEWORK_CHOICES.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="button-row plain">
          <legend class="visually-hidden">Show</legend>
          {FILTERS.map((f) => (
            <Fragment key={f.id}>
              <button
                type="button"
                class="button secondary small"
                aria-pressed={filter === f.id}
                onClick={() => setFilter(f.id)}
              >
                {f.label}
              </button>{' '}
            </Fragment>
          ))}
        </fieldset>
      </div>
      {pack.error ? (
        <p class="error-text" role="alert">
          The framework could not be loaded: {errorMessage(pack.error)}
        </p>
      ) : pack.loading || !pack.data ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <p data-testid="framework-counts">
            {pack.data.title}. {countsSentence(pack.data)}{' '}
            <a href={pack.data.source.url} rel="noreferrer noopener" target="_blank">
              Source: {pack.data.source.title}
            </a>
          </p>
          {items.length === 0 ? (
            <p class="empty">{emptyWords(filter)}</p>
          ) : (
            <TableScroll label="Framework items">
              <table class="data">
                <caption class="visually-hidden">Items of {pack.data.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Status</th>
                    <th scope="col">Evidence</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id} data-status={i.status}>
                      <th scope="row">
                        <span class="small muted">{i.ref}</span>
                        <br />
                        {i.title}
                      </th>
                      <td>
                        <span class={`badge status ${STATUS_CLASS[i.status]}`}>
                          {STATUS_WORDS[i.status]}
                        </span>
                      </td>
                      <td>
                        {i.evidence.length === 0 ? (
                          <span class="muted">Nothing in the report speaks to it.</span>
                        ) : (
                          <ul>
                            {i.evidence.map((e) => (
                              <li key={`${e.kind}:${e.ref}`}>
                                <span class="small muted">{e.kind}</span> {e.text}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </section>
  );
}
