/** The spot-check's instructions and keyboard shortcuts. */
import { flagChoices, tagChoices } from './spot-check-model';

/** What to do and which key does what. */
export function SpotCheckHelp() {
  return (
    <details class="card small">
      <summary>How to review, and the keys</summary>
      <p>
        Read each record and say who you think wrote it. Only the text is shown, so nothing about
        the record leans your reading. Say "can't tell" rather than guess: it widens the result's
        range instead of bending it.
      </p>
      <ul>
        {tagChoices.map((c) => (
          <li key={c.key}>
            <kbd>{c.key.toUpperCase()}</kbd> {c.label}, then the next untagged record
          </li>
        ))}
        {flagChoices.map((c) => (
          <li key={c.key}>
            <kbd>{c.key.toUpperCase()}</kbd> {c.label} (a flag; it does not change the estimate)
          </li>
        ))}
        <li>
          <kbd>←</kbd> <kbd>→</kbd> previous and next record
        </li>
      </ul>
    </details>
  );
}
