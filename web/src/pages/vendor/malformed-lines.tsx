/** Rows of an uploaded file that could not be read: how many, and the first ones with what was wrong. */
import type { SampleInfo } from '../../api/types';

/** Nothing when every row was read; otherwise the count and the first rows to fix. */
export function MalformedLines({ summary }: { summary: SampleInfo['summary'] }) {
  const count = summary?.malformed ?? 0;
  if (!summary || count === 0) return null;
  const lines = summary.malformedLines ?? [];
  return (
    <div class="malformed" data-testid="malformed-lines">
      <p class="small">
        <strong>
          {count.toLocaleString('en')} {count === 1 ? 'row' : 'rows'} could not be read
        </strong>{' '}
        and {count === 1 ? 'was' : 'were'} left out of the analysis. Fix{' '}
        {count === 1 ? 'it' : 'them'} and upload the file again to have every record checked.
      </p>
      {lines.length > 0 ? (
        <ul class="small">
          {lines.map((m) => (
            <li key={m.line}>
              Line {m.line}: {m.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
