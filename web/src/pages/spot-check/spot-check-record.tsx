/** One drawn record: its text as plain text, the tag buttons and the optional flags. */
import type { RefObject } from 'preact';
import type { SpotFlag, SpotRecord, SpotTag } from '../../api/spot-checks';
import { flagChoices, progressText, tagChoices } from './spot-check-model';

/** The record card; every control names its single-key shortcut. */
export function SpotCheckRecord(props: {
  record: SpotRecord;
  flags: SpotFlag[];
  saving: boolean;
  textRef: RefObject<HTMLElement | null>;
  onTag: (tag: SpotTag) => void;
  onFlag: (flag: SpotFlag) => void;
}) {
  const { record, flags, saving, textRef, onTag, onFlag } = props;
  return (
    <section class="card stack spot-record" aria-labelledby="spot-record-heading">
      <h2 id="spot-record-heading" class="inline-heading">
        Record {progressText(record.position, record.total)}
      </h2>
      {/* Text nodes only, never HTML: the vendor's records are data, not markup. */}
      <article
        class="spot-text"
        ref={textRef}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the record scrolls; keyboard users must reach it
        tabIndex={0}
        aria-labelledby="spot-record-heading"
        data-testid="spot-text"
      >
        {record.text}
      </article>
      {record.truncated ? (
        <p class="small muted">The record is longer; this is its beginning.</p>
      ) : null}
      <fieldset class="spot-tags" disabled={saving}>
        <legend>Who wrote it?</legend>
        <div class="button-row">
          {tagChoices.map((c) => (
            <button
              key={c.tag}
              type="button"
              class={record.tag === c.tag ? 'button spot-tag' : 'button secondary spot-tag'}
              aria-pressed={record.tag === c.tag}
              aria-keyshortcuts={c.key}
              onClick={() => onTag(c.tag)}
            >
              {c.label}{' '}
              <span aria-hidden="true">
                <kbd>{c.key.toUpperCase()}</kbd>
              </span>
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset class="spot-flags" disabled={saving}>
        <legend>Flags (optional)</legend>
        <div class="inline">
          {flagChoices.map((c) => (
            <label key={c.flag} class="spot-flag">
              <input
                type="checkbox"
                checked={flags.includes(c.flag)}
                aria-keyshortcuts={c.key}
                onChange={() => onFlag(c.flag)}
              />{' '}
              {c.label}{' '}
              <span aria-hidden="true">
                <kbd>{c.key.toUpperCase()}</kbd>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
